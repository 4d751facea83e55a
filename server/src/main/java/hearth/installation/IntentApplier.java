package hearth.installation;

import hearth.engine.api.AppEvent;
import hearth.engine.api.AppIntent;
import hearth.location.LocationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Carries out what a SmartApp asked for during a call ({@code subscribe}, {@code runIn},
 * {@code schedule}, their undoing, {@code setLocationMode}, {@code app.updateSetting}, notifications), for its own
 * Installation only. The engine hands the intents over after the call, in order.
 */
@Component
public class IntentApplier {
    private static final Logger log = LoggerFactory.getLogger(IntentApplier.class);
    private static final int MAX_SUBSCRIPTIONS = 500;
    private static final int MAX_JOBS = 100;

    private final SubscriptionRepository subscriptions;
    private final ScheduledJobRepository jobs;
    private final LocationRepository locations;
    private final InstallationRepository installations;
    private final LocalRoutines routines;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public IntentApplier(SubscriptionRepository subscriptions, ScheduledJobRepository jobs,
                         LocationRepository locations, InstallationRepository installations, LocalRoutines routines,
                         ApplicationEventPublisher events, Clock clock) {
        this.routines = routines;
        this.installations = installations;
        this.subscriptions = subscriptions;
        this.jobs = jobs;
        this.locations = locations;
        this.events = events;
        this.clock = clock;
    }

    public void apply(Installation installation, AppIntent intent) {
        if (intent instanceof AppIntent.Subscribe s) {
            subscribe(installation, s);
        } else if (intent instanceof AppIntent.UnsubscribeAll) {
            subscriptions.deleteAll(installation.id());
        } else if (intent instanceof AppIntent.RunIn r) {
            runIn(installation, r);
        } else if (intent instanceof AppIntent.Schedule s) {
            schedule(installation, s);
        } else if (intent instanceof AppIntent.Unschedule u) {
            if (u.handler() == null) {
                jobs.deleteAll(installation.id());
            } else {
                jobs.deleteHandler(installation.id(), u.handler());
            }
        } else if (intent instanceof AppIntent.SetLocationMode m) {
            setMode(installation, m.mode());
        } else if (intent instanceof AppIntent.ExecuteRoutine r) {
            // a routine of the app's own Location only; the engine picked it from the Location's list
            routines.run(installation.locationId(), r.routineId());
            log.info("installation {} ran routine {}", installation.id(), r.routineId());
        } else if (intent instanceof AppIntent.UpdateSetting u) {
            // the engine refuses device inputs; a value setting changed by the app is kept as the owner's are
            if (!installations.updateSetting(installation.id(), u.name(), u.value())) {
                log.warn("installation {}: app.updateSetting not kept, its settings would pass {} characters",
                        installation.id(), InstallationRepository.MAX_SETTINGS_CHARS);
            }
        } else if (intent instanceof AppIntent.Notify n) {
            // No push or SMS gateway yet: the fact is logged, the message (the user's data) is not.
            log.info("installation {} sent a {} notification", installation.id(), n.channel());
        }
    }

    private void subscribe(Installation installation, AppIntent.Subscribe s) {
        if (subscriptions.ofInstallation(installation.id()).size() >= MAX_SUBSCRIPTIONS) {
            log.warn("installation {} has {} subscriptions; no more are kept", installation.id(), MAX_SUBSCRIPTIONS);
            return;
        }
        String attribute = null;
        String value = null;
        if (s.event() != null && !s.event().isBlank()) {
            int dot = s.event().indexOf('.');
            attribute = dot < 0 ? s.event() : s.event().substring(0, dot);
            value = dot < 0 ? null : s.event().substring(dot + 1);
        }
        // Only the devices chosen for this Installation: an app can't listen to others' devices.
        List<String> allowed = installation.allDeviceIds();
        if (s.deviceIds().isEmpty()) {
            subscriptions.insert(new Subscription(UUID.randomUUID().toString(), installation.id(), null, attribute,
                    value, s.handler()));
        }
        for (String deviceId : s.deviceIds()) {
            if (allowed.contains(deviceId)) {
                subscriptions.insert(new Subscription(UUID.randomUUID().toString(), installation.id(), deviceId,
                        attribute, value, s.handler()));
            }
        }
    }

    private void runIn(Installation installation, AppIntent.RunIn r) {
        if (r.overwrite()) {
            jobs.deleteOneShots(installation.id(), r.handler());
        }
        if (tooMany(installation)) {
            return;
        }
        Instant now = clock.instant();
        jobs.insert(new ScheduledJob(UUID.randomUUID().toString(), installation.id(), r.handler(), null,
                now.plusSeconds(Math.max(0, r.seconds())), now));
    }

    /** Classic {@code schedule}: a cron expression, or a time of day (as a date-time) to run daily. */
    private void schedule(Installation installation, AppIntent.Schedule s) {
        ZoneId zone = locations.findById(installation.locationId()).map(l -> ZoneId.of(l.timeZone()))
                .orElse(ZoneId.of("UTC"));
        String cron = cronOf(s.when(), zone);
        if (cron == null) {
            log.warn("installation {} asked for a schedule that is neither cron nor a time: ignored", installation.id());
            return;
        }
        jobs.deleteHandler(installation.id(), s.handler());
        if (tooMany(installation)) {
            return;
        }
        Instant now = clock.instant();
        jobs.insert(new ScheduledJob(UUID.randomUUID().toString(), installation.id(), s.handler(), cron,
                ScheduledJob.next(cron, zone, now), now));
    }

    private boolean tooMany(Installation installation) {
        if (jobs.ofInstallation(installation.id()).size() >= MAX_JOBS) {
            log.warn("installation {} has {} scheduled jobs; no more are kept", installation.id(), MAX_JOBS);
            return true;
        }
        return false;
    }

    private void setMode(Installation installation, String mode) {
        locations.updateMode(installation.locationId(), mode);
        events.publishEvent(new LocationEventRecorded(installation.locationId(),
                new AppEvent("mode", mode, null, null, null, clock.instant(), "mode changed to " + mode)));
    }

    static String cronOf(String when, ZoneId zone) {
        if (when == null) {
            return null;
        }
        if (when.trim().contains(" ") && CronExpression.isValidExpression(when.trim())) {
            return when.trim();
        }
        LocalTime time;
        try {
            time = OffsetDateTime.parse(when).atZoneSameInstant(zone).toLocalTime();
        } catch (DateTimeParseException notOffset) {
            try {
                time = Instant.parse(when).atZone(zone).toLocalTime();
            } catch (DateTimeParseException notInstant) {
                return null;
            }
        }
        return time.getSecond() + " " + time.getMinute() + " " + time.getHour() + " * * *";
    }
}
