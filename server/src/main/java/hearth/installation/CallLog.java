package hearth.installation;

import hearth.applog.AppLogEntries;
import hearth.applog.AppLogSink;
import hearth.engine.api.ApiRequest;
import hearth.engine.api.Call;
import hearth.engine.api.CallEffects;
import hearth.engine.api.HandlerOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each call of an Installation leaves in its SmartApp's app log, handed to the
 * {@link AppLogSink} (which never blocks): the app's log lines, its outbound requests, the
 * lifecycle call, event delivery or schedule run itself, and how it failed. An API request's
 * failure is written by its caller, who puts the reference in the 500 body ({@link #apiFailure}).
 * Nothing here may fail a call: a line that can't be made is left out.
 */
@Component
public class CallLog {
    private static final Logger log = LoggerFactory.getLogger(CallLog.class);
    /** One line about refused calls per Installation per this long: a client hammering at 429 floods nothing. */
    static final Duration RATE_LINE_EVERY = Duration.ofSeconds(10);

    private final AppLogSink sink;
    private final Clock clock;
    private final Map<String, Long> rateLinedAt = new ConcurrentHashMap<>();

    public CallLog(AppLogSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    /** After a call of {@code installation} that took {@code nanos} and came to {@code outcome}. */
    void record(Installation installation, Call call, CallEffects effects, HandlerOutcome outcome, long nanos) {
        try {
            AppLogEntries lines = lines(installation);
            effects.log().forEach(line -> sink.write(lines.log(line)));
            effects.outbound().forEach(request -> sink.write(lines.outbound(request)));
            long millis = nanos / 1_000_000;
            String handler = null;
            if (call instanceof Call.Lifecycle l) {
                handler = l.event().method();
                sink.write(lines.lifecycle(handler, millis));
            } else if (call instanceof Call.Handler h) {
                handler = h.method();
                sink.write(h.event() == null ? lines.schedule(handler, millis) : lines.event(handler, h.event(), millis));
            }
            if (outcome instanceof HandlerOutcome.Failure failure && !(call instanceof Call.Api)) {
                String reference = UUID.randomUUID().toString();
                log.warn("installation {}: {} failed with {} (reference {})", installation.id(), handler,
                        failure.type(), reference);
                sink.write(lines.failure(reference, handler, null, null, failure));
            }
        } catch (RuntimeException e) {
            log.warn("installation {}: the app log lines of a call could not be made: {}", installation.id(),
                    e.toString());
        }
    }

    /** An API request's failure, under the reference its 500 body names. */
    public void apiFailure(Installation installation, String reference, ApiRequest request,
                           HandlerOutcome.Failure failure) {
        try {
            sink.write(lines(installation).failure(reference, null, request.method(), request.path(), failure));
        } catch (RuntimeException e) {
            log.warn("installation {}: the app log line of failure {} could not be made: {}", installation.id(),
                    reference, e.toString());
        }
    }

    /** A call refused for the executions-per-minute limit; at most one line per {@link #RATE_LINE_EVERY}. */
    public void rateLimited(Installation installation, String what, int limit) {
        long now = clock.millis();
        Long last = rateLinedAt.get(installation.id());
        if (last != null && now - last < RATE_LINE_EVERY.toMillis()) {
            return;
        }
        rateLinedAt.put(installation.id(), now);
        if (rateLinedAt.size() > 10_000) {
            rateLinedAt.clear();
        }
        sink.write(lines(installation).rateLimited(what, limit));
    }

    private AppLogEntries lines(Installation installation) {
        return new AppLogEntries(installation.smartAppId(), installation.id(), clock.instant());
    }
}
