package hearth.installation;

import hearth.HearthProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The classic per-Installation execution limit (250 executions in 60 seconds by default): API
 * calls, subscribed events and schedules all count, so an app that loops on its own events stops
 * itself. Fixed windows in memory, per process: each Server limits the Installations it hosts.
 */
@Component
public class ExecutionLimiter {
    private static final int MAX_TRACKED = 200_000;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public ExecutionLimiter(HearthProperties properties, Clock clock) {
        this.limit = properties.rateLimit().executions();
        this.window = properties.rateLimit().window();
        this.clock = clock;
    }

    /** Counts one execution; the answer says whether it may run, and what the headers report. */
    public Decision acquire(String installationId) {
        Instant now = clock.instant();
        if (windows.size() > MAX_TRACKED) {
            windows.entrySet().removeIf(e -> !now.isBefore(e.getValue().ends()));
        }
        Window current = windows.compute(installationId, (id, w) -> w == null || !now.isBefore(w.ends())
                ? new Window(now.plus(window), 1) : new Window(w.ends(), w.count() + 1));
        long ttl = Math.max(1, Duration.between(now, current.ends()).toSeconds());
        return new Decision(current.count() <= limit, limit, current.count(), ttl);
    }

    private record Window(Instant ends, int count) {
    }

    /** {@code X-RateLimit-Limit}, {@code X-RateLimit-Current} and {@code X-RateLimit-TTL} (seconds). */
    public record Decision(boolean allowed, int limit, int current, long ttlSeconds) {
    }
}
