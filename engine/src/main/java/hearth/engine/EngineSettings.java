package hearth.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * @param callTimeout        the longest a handler call may run (classic: 20 s)
 * @param maxConcurrentCalls how many app calls run at once; the engine's worker threads
 * @param maxQueuedCalls     how many more may wait for a worker before calls are refused
 */
public record EngineSettings(Duration callTimeout, int maxConcurrentCalls, int maxQueuedCalls) {
    public EngineSettings {
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive");
        }
        if (maxConcurrentCalls < 1 || maxQueuedCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls and maxQueuedCalls must be at least 1");
        }
    }

    public EngineSettings(Duration callTimeout) {
        this(callTimeout, 16, 256);
    }

    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofSeconds(20));
    }
}
