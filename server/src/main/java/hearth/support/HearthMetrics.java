package hearth.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Hearth's own metrics, by name in one place (the README's Operations section lists them; Spring
 * adds {@code http_server_requests_seconds} by route and status, the JVM's and the pool's). Tags
 * are bounded: a SmartApp id (registered apps), a kind, an outcome type; never a token, a user or
 * an Installation id.
 */
@Component
public class HearthMetrics {
    private final MeterRegistry registry;
    private final Map<List<String>, Timer> smartAppCalls = new ConcurrentHashMap<>();
    // Counters found once per tag value (a handful each), not built and registered per call: building
    // one sorts its tags and searches the registry, which showed in the token endpoint's profile (issue 15).
    // Made on first use, as before, so a counter still appears only once it has counted something.
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    public HearthMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * {@code hearth_tokens_issued_total{grant=...}}: consent (a code or device grant's first tokens),
     * refresh (a rotation), self (a SmartApp's createAccessToken()).
     */
    public void tokensIssued(String grant) {
        counter("hearth.tokens.issued", "access tokens issued, by how", "grant", grant).increment();
    }

    /** {@code hearth_tokens_revoked_total{scope=...}}: token, grant, installation, smartapp, account, self. */
    public void tokensRevoked(String scope) {
        counter("hearth.tokens.revoked", "revocations, by what was revoked", "scope", scope).increment();
    }

    /** The counter of this name and tag value, registered on its first use and found in a map after. */
    private Counter counter(String name, String description, String tag, String value) {
        return counters.computeIfAbsent(List.of(name, value), k -> Counter.builder(name).description(description)
                .tag(tag, value).register(registry));
    }

    /**
     * {@code hearth_smartapp_calls_seconds{app, kind, outcome}}: each run of a SmartApp (an API call,
     * a subscribed or scheduled handler, a lifecycle event), how long it took and how it ended.
     */
    public <T> T smartAppCall(String smartAppId, String kind, Supplier<T> call,
                              java.util.function.Function<T, String> outcome) {
        long start = System.nanoTime();
        String result = "exception";
        try {
            T value = call.get();
            result = outcome.apply(value);
            return value;
        } finally {
            String outcomeTag = result;
            // The timer is found once per app, kind and outcome: building its id on every call (tags
            // sorted, the registry searched) showed in the installation API's profile (issue 15).
            smartAppCalls.computeIfAbsent(List.of(smartAppId, kind, outcomeTag),
                    k -> Timer.builder("hearth.smartapp.calls")
                            .description("SmartApp executions, by app, kind and outcome").tag("app", smartAppId).tag("kind", kind).tag("outcome", outcomeTag).register(registry))
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** {@code hearth_events_delivered_seconds}: from an event's time to its handler starting (the lag). */
    public void eventDelivered(Duration lag) {
        Timer.builder("hearth.events.delivered").description("events handed to a subscribed handler, and their lag")
                .register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** {@code hearth_scheduler_lag_seconds}: from a job's due time to its handler starting. */
    public void scheduledJobRun(Duration lag) {
        Timer.builder("hearth.scheduler.lag").description("scheduled jobs run, and how late")
                .register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** {@code hearth_state_conflicts_total}: state saves refused as another call saved first (it runs again). */
    public void stateConflict() {
        Counter.builder("hearth.state.conflicts").description("state saves that lost to another call's and ran again")
                .register(registry).increment();
    }

    /**
     * {@code hearth_outbox_depth}: events waiting in the outbox for their handlers (every node's);
     * {@code hearth_outbox_oldest_seconds}: how long the oldest of them has waited (0 when none).
     * Read from the database when scraped; NaN while it doesn't answer.
     */
    public void outbox(Supplier<Number> depth, Supplier<Number> oldestSeconds) {
        Gauge.builder("hearth.outbox.depth", () -> orNaN(depth)).description("events waiting for their handlers")
                .register(registry);
        Gauge.builder("hearth.outbox.oldest", () -> orNaN(oldestSeconds)).baseUnit("seconds")
                .description("how long the oldest waiting event has waited").register(registry);
    }

    /**
     * {@code hearth_hub_connections{status=...}}: the hub connections this node holds, by status
     * (online, connecting, offline); summed over the nodes, each hub of the Server counts once.
     */
    public void hubConnections(String status, Supplier<Number> count) {
        Gauge.builder("hearth.hub.connections", () -> orNaN(count)).tag("status", status)
                .description("hub connections held by this node, by status").register(registry);
    }

    private static Number orNaN(Supplier<Number> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
