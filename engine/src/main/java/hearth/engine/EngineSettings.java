package hearth.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * @param callTimeout        the longest a handler call may run (classic: 20 s)
 * @param maxConcurrentCalls how many app calls run at once; the engine's worker threads
 * @param maxQueuedCalls     how many more may wait for a worker before calls are refused
 * @param maxCallAllocation  bytes one call may allocate (garbage included); while the heap is
 *                           more than 60% full the budget is the smaller of this and 256 MiB
 * @param outbound           what apps may send out with {@code httpGet}, {@code httpPost}, ...
 */
public record EngineSettings(Duration callTimeout, int maxConcurrentCalls, int maxQueuedCalls,
                             long maxCallAllocation, OutboundSettings outbound) {
    public static final long DEFAULT_MAX_CALL_ALLOCATION = 2048L * 1024 * 1024;

    public EngineSettings {
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive");
        }
        if (maxConcurrentCalls < 1 || maxQueuedCalls < 1) {
            throw new IllegalArgumentException("maxConcurrentCalls and maxQueuedCalls must be at least 1");
        }
        if (maxCallAllocation < 1024 * 1024) {
            throw new IllegalArgumentException("maxCallAllocation must be at least 1 MiB");
        }
        Objects.requireNonNull(outbound, "outbound");
    }

    public EngineSettings(Duration callTimeout, int maxConcurrentCalls, int maxQueuedCalls, long maxCallAllocation) {
        this(callTimeout, maxConcurrentCalls, maxQueuedCalls, maxCallAllocation, OutboundSettings.defaults());
    }

    public EngineSettings(Duration callTimeout, int maxConcurrentCalls, int maxQueuedCalls) {
        this(callTimeout, maxConcurrentCalls, maxQueuedCalls, DEFAULT_MAX_CALL_ALLOCATION);
    }

    public EngineSettings(Duration callTimeout) {
        this(callTimeout, 16, 256);
    }

    public EngineSettings withOutbound(OutboundSettings settings) {
        return new EngineSettings(callTimeout, maxConcurrentCalls, maxQueuedCalls, maxCallAllocation, settings);
    }

    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofSeconds(20));
    }
}
