package hearth.installation;

import hearth.device.Device;
import hearth.device.DeviceRepository;
import hearth.device.LocalDevices;
import hearth.engine.api.ApiRequest;
import hearth.engine.api.AppPage;
import hearth.engine.api.AppEvent;
import hearth.engine.api.AppIntent;
import hearth.engine.api.Call;
import hearth.engine.api.CallPorts;
import hearth.engine.api.CallResult;
import hearth.engine.api.DeviceEvent;
import hearth.engine.api.DeviceSnapshot;
import hearth.engine.api.EventQuery;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.HubSnapshot;
import hearth.engine.api.InstallationSnapshot;
import hearth.engine.api.LocationInfo;
import hearth.engine.api.RoutineInfo;
import hearth.engine.api.SmartApp;
import hearth.location.Location;
import hearth.location.LocationRepository;
import hearth.location.RoutineRepository;
import hearth.server.PublicUrls;
import hearth.smartapp.SmartAppService;
import hearth.support.HearthMetrics;
import hearth.web.ApiError;
import hearth.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs an Installation's SmartApp, the same way for every kind of call (API request, lifecycle,
 * subscribed event, scheduled job): reads one {@link InstallationSnapshot} from the database (the
 * Installation, its Location, only the devices chosen for it, its state; an API call reads them
 * in two statements, {@link InstallationRepository#findLoaded}), hands it to the engine
 * with the call, and has {@link EffectsApplier} carry out the effects the engine returns. While the
 * app runs, the engine asks this class only what {@link CallPorts} names: device history and the
 * subscriptions held (reads), and the Installation's own tokens (the global server's). What the
 * call did goes to the SmartApp's app log ({@link CallLog}). A call whose state save finds that
 * another call saved first ({@link StateConflict}) runs again on the new state.
 */
@Component
public class InstallationRuntime {
    /** Runs of one call when other calls of the Installation keep saving state first. */
    private static final int MAX_ATTEMPTS = 10;
    /** Turns for the runs again of calls that lost, by Installation (striped, fair). */
    private final Lock[] retryTurns = IntStream.range(0, 64).mapToObj(i -> new ReentrantLock(true))
            .toArray(Lock[]::new);

    private final SmartAppService apps;
    private final DeviceRepository deviceRepository;
    private final LocalDevices deviceService;
    private final LocationRepository locations;
    private final InstallationRepository installations;
    private final InstallationTokens tokens;
    private final EffectsApplier effects;
    private final SubscriptionRepository subscriptions;
    private final PublicUrls urls;
    private final HearthMetrics metrics;
    private final CallLog callLog;
    private final RoutineRepository routines;
    /** The hub package's, asked for when an app reads its Location's hubs (none in a host without hubs). */
    private final ObjectProvider<LocationHubs> hubs;

    public InstallationRuntime(SmartAppService apps, DeviceRepository deviceRepository, LocalDevices deviceService,
                               LocationRepository locations, InstallationRepository installations,
                               InstallationTokens tokens, EffectsApplier effects,
                               SubscriptionRepository subscriptions, PublicUrls urls, HearthMetrics metrics,
                               CallLog callLog, RoutineRepository routines, ObjectProvider<LocationHubs> hubs) {
        this.routines = routines;
        this.hubs = hubs;
        this.metrics = metrics;
        this.callLog = callLog;
        this.apps = apps;
        this.deviceRepository = deviceRepository;
        this.deviceService = deviceService;
        this.locations = locations;
        this.installations = installations;
        this.tokens = tokens;
        this.effects = effects;
        this.subscriptions = subscriptions;
        this.urls = urls;
    }

    /**
     * @param queryToken the token when the client sent it as {@code ?access_token=}, else null:
     *                   classic apps compare {@code params.access_token} with {@code state.accessToken}
     */
    public HandlerOutcome handle(LoadedInstallation loaded, ApiRequest request, String baseUrl, String queryToken) {
        return run(loaded.installation(), () -> loaded, "api", baseUrl, new Call.Api(request, queryToken), null);
    }

    public HandlerOutcome lifecycle(Installation installation, SmartApp.Lifecycle event) {
        return run(installation, () -> load(installation), "lifecycle", urls.current(), new Call.Lifecycle(event),
                null);
    }

    /** A subscribed event ({@code event} set) or a scheduled wake-up ({@code event} null). */
    public HandlerOutcome runHandler(Installation installation, String handler, AppEvent event) {
        return runHandler(installation, handler, event, null);
    }

    /**
     * As {@link #runHandler(Installation, String, AppEvent)}, with {@code finish} run in the
     * transaction storing the handler's effects ({@link EffectsApplier#apply(Installation, Map,
     * CallResult, Runnable, Long)}): the job or event is done exactly when its effects are stored.
     */
    public HandlerOutcome runHandler(Installation installation, String handler, AppEvent event, Runnable finish) {
        return run(installation, () -> load(installation), event == null ? "schedule" : "event", urls.current(),
                new Call.Handler(handler, event), finish);
    }

    /**
     * One of the Installation's pages as it reads now (issue 17): a dynamic page's method runs with
     * its settings and state, and what it leaves (the token {@code createAccessToken()} made, state)
     * is stored as any call's effects are.
     *
     * @param name   the page; null for the first
     * @param params what the {@code href(page:, params:)} that led here handed it (its method's argument)
     * @return empty for a page the app doesn't have
     * @throws ApiException 502 when the page's method failed (its type and message say how)
     */
    public Optional<AppPage> page(Installation installation, String name, Map<String, String> params) {
        SmartApp app = apps.compiled(apps.forExecution(installation.smartAppId()).orElseThrow());
        String wanted = name != null ? name : app.pageNames().isEmpty() ? "" : app.pageNames().get(0);
        CallResult[] result = new CallResult[1];
        HandlerOutcome outcome = run(installation, () -> load(installation), "page", urls.current(),
                new Call.Page(wanted, params), null, r -> result[0] = r);
        if (outcome instanceof HandlerOutcome.Failure failure) {
            throw new ApiException(ApiError.APP_FAILED, "The app's page " + wanted + " failed: " + failure.type()
                    + (failure.message() == null ? "" : ": " + failure.message()));
        }
        return Optional.ofNullable(result[0] == null ? null : result[0].page());
    }

    /** The Location, state and chosen devices of an Installation the caller has already read. */
    private LoadedInstallation load(Installation installation) {
        InstallationRepository.StateRead state = installations.readState(installation.id());
        return new LoadedInstallation(installation, locations.findById(installation.locationId()).orElseThrow(),
                state.json(), state.version(), chosen(installation));
    }

    /** {@code loaded} with its state and devices read again (a call that lost a race with another call's save). */
    private LoadedInstallation reloaded(LoadedInstallation loaded) {
        InstallationRepository.StateRead state = installations.readState(loaded.installation().id());
        return new LoadedInstallation(loaded.installation(), loaded.location(), state.json(), state.version(),
                chosen(loaded.installation()));
    }

    private Map<String, Device> chosen(Installation installation) {
        return deviceRepository.findByIds(installation.allDeviceIds()).stream()
                .collect(Collectors.toMap(Device::id, Function.identity()));
    }

    private HandlerOutcome run(Installation installation, Supplier<LoadedInstallation> loader, String kind,
                               String baseUrl, Call call, Runnable finish) {
        return run(installation, loader, kind, baseUrl, call, finish, r -> { });
    }

    private HandlerOutcome run(Installation installation, Supplier<LoadedInstallation> loader, String kind,
                               String baseUrl, Call call, Runnable finish,
                               Consumer<CallResult> seen) {
        return metrics.smartAppCall(installation.smartAppId(), kind, () -> {
            SmartApp app = apps.compiled(apps.forExecution(installation.smartAppId()).orElseThrow());
            LoadedInstallation loaded = loader.get();
            try {
                return attempt(app, loaded, baseUrl, call, finish, seen);
            } catch (StateConflict conflict) {
                metrics.stateConflict();
            }
            // Another call (maybe on another node) saved state since this one read it: this one runs
            // again on the new state, so neither update is lost. Its runs again take turns with the
            // other calls of the Installation that lost on this node, and wait a little longer each
            // time, so that calls racing across nodes don't keep beating each other.
            Lock turn = retryTurns[Math.floorMod(installation.id().hashCode(), retryTurns.length)];
            turn.lock();
            try {
                for (int attempt = 2; ; attempt++) {
                    backOff(attempt);
                    loaded = reloaded(loaded);
                    try {
                        return attempt(app, loaded, baseUrl, call, finish, seen);
                    } catch (StateConflict conflict) {
                        metrics.stateConflict();
                        if (attempt >= MAX_ATTEMPTS) {
                            return new HandlerOutcome.Failure("state_conflict", conflict.getMessage(), conflict);
                        }
                    }
                }
            } finally {
                turn.unlock();
            }
        }, InstallationRuntime::outcome);
    }

    /** One run of the call on {@code loaded}; throws {@link StateConflict} when its state save lost. */
    private HandlerOutcome attempt(SmartApp app, LoadedInstallation loaded, String baseUrl, Call call,
                                   Runnable finish, Consumer<CallResult> seen) {
        Installation installation = loaded.installation();
        Map<String, Device> chosen = loaded.chosen();
        long started = System.nanoTime();
        CallResult result = app.call(snapshot(loaded, chosen, baseUrl), call, new Ports(installation, chosen));
        seen.accept(result);
        HandlerOutcome outcome = effects.apply(installation, chosen, result, finish, loaded.stateVersion());
        callLog.record(installation, call, result.effects(), outcome, System.nanoTime() - started);
        return outcome;
    }

    /** A random wait of up to 5 ms before the second run, doubling with each run after it (at most 640 ms). */
    private static void backOff(int attempt) {
        long bound = 5L << Math.min(attempt - 2, 7);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String outcome(HandlerOutcome outcome) {
        if (outcome instanceof HandlerOutcome.Failure failure) {
            return failure.type();
        }
        return outcome instanceof HandlerOutcome.Response ? "ok" : outcome instanceof HandlerOutcome.HttpError
                ? "http_error" : "no_mapping";
    }

    private static InstallationSnapshot snapshot(LoadedInstallation loaded, Map<String, Device> chosen,
                                                 String baseUrl) {
        Installation installation = loaded.installation();
        Location location = loaded.location();
        LocationInfo info = new LocationInfo(location.id(), location.name(), location.timeZone(), location.mode(),
                Location.MODES, "F");
        Map<String, List<DeviceSnapshot>> devices = new LinkedHashMap<>();
        installation.devices().forEach((input, ids) -> devices.put(input, ids.stream().map(chosen::get)
                .filter(Objects::nonNull).map(InstallationRuntime::snapshotOf).toList()));
        return new InstallationSnapshot(installation.id(), installation.smartAppId(), installation.label(), info,
                installation.settings(), devices, loaded.state(), baseUrl);
    }

    private static DeviceSnapshot snapshotOf(Device device) {
        return new DeviceSnapshot(device.id(), device.label(), device.name(), device.typeName(),
                device.capabilities(), device.attributes(), device.hubId());
    }

    /** What the engine may ask while the app runs, for this Installation only. */
    private final class Ports implements CallPorts {
        private final Installation installation;
        private final Map<String, Device> chosen;

        Ports(Installation installation, Map<String, Device> chosen) {
            this.installation = installation;
            this.chosen = chosen;
        }

        @Override
        public List<DeviceEvent> deviceEvents(String deviceId, EventQuery query) {
            if (!chosen.containsKey(deviceId)) {
                return List.of();
            }
            return deviceService.events(deviceId, query);
        }

        @Override
        public List<AppEvent> locationEvents(EventQuery query) {
            return locations.events(installation.locationId(), query.notBefore(deviceService.historyHorizon()));
        }

        @Override
        public List<RoutineInfo> routines() {
            return routines.ofLocation(installation.locationId()).stream()
                    .map(r -> new RoutineInfo(r.id(), r.label(), r.mode())).toList();
        }

        @Override
        public List<HubSnapshot> hubs() {
            LocationHubs known = hubs.getIfAvailable();
            return known == null ? List.of() : known.of(installation.locationId());
        }

        @Override
        public List<AppIntent.Subscribe> subscriptions() {
            return subscriptions.asIntents(installation.id());
        }

        @Override
        public String createAccessToken() {
            return tokens.issueSelfToken(installation);
        }

        @Override
        public void revokeAccessToken() {
            tokens.revokeSelfTokens(installation);
        }
    }
}
