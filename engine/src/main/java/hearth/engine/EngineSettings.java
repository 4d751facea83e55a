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
 * @param shares             how the workers are shared between Installations and SmartApps
 */
public record EngineSettings(Duration callTimeout, int maxConcurrentCalls, int maxQueuedCalls,
                             long maxCallAllocation, OutboundSettings outbound, Shares shares) {
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
        shares = shares == null ? Shares.of(maxConcurrentCalls) : shares;
    }

    public EngineSettings(Duration callTimeout, int maxConcurrentCalls, int maxQueuedCalls, long maxCallAllocation,
                          OutboundSettings outbound) {
        this(callTimeout, maxConcurrentCalls, maxQueuedCalls, maxCallAllocation, outbound, null);
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
        return new EngineSettings(callTimeout, maxConcurrentCalls, maxQueuedCalls, maxCallAllocation, settings, shares);
    }

    public EngineSettings withShares(Shares fair) {
        return new EngineSettings(callTimeout, maxConcurrentCalls, maxQueuedCalls, maxCallAllocation, outbound, fair);
    }

    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofSeconds(20));
    }

    /**
     * Fair shares of the workers: what one Installation, and all Installations of one SmartApp, may
     * run at once, and how many of one Installation's calls may wait (more are refused at once).
     * Another account's call then starts as soon as a worker is free, and another Installation of a
     * flooding SmartApp waits at most about one call timeout.
     */
    public record Shares(int perInstallation, int perSmartApp, int queuedPerInstallation) {
        public Shares {
            if (perInstallation < 1 || perSmartApp < perInstallation || queuedPerInstallation < 1) {
                throw new IllegalArgumentException("shares must be at least 1, and a SmartApp's at least an"
                        + " Installation's: " + perInstallation + "/" + perSmartApp + "/" + queuedPerInstallation);
            }
        }

        /** The defaults: a quarter of the workers per Installation, half per SmartApp (at least 2), 16 waiting. */
        public static Shares of(int workers) {
            return new Shares(Math.max(2, workers / 4), Math.max(2, workers / 2), 16);
        }
    }
}
