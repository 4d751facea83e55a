package hearth.engine.limit;

import java.lang.management.ManagementFactory;

/**
 * The limits of the current call on this worker thread: when its time ends, and how many bytes
 * it may allocate. The checks compiled into app code consult both (as well as the thread's
 * interrupt flag). Memory can't be bounded per script inside one JVM, but what one call
 * allocates can be counted, which stops runaway growth (a list doubling in a loop) before it
 * takes the heap. Allocation counts garbage too, so the strict budget applies only while the heap
 * is under pressure; otherwise a call may allocate up to the hard budget.
 */
public final class Deadline {
    /** Allocation budget of one call while the heap is more than {@link #PRESSURE} full. */
    public static final long MAX_ALLOCATED_BYTES = 256L * 1024 * 1024;
    private static final double PRESSURE = 0.6;

    private static final com.sun.management.ThreadMXBean THREADS = threads();
    private static final ThreadLocal<long[]> LIMITS = ThreadLocal.withInitial(() -> new long[4]);
    /** How many cheap checks pass between two full ones. */
    private static final int CHECK_EVERY = 32;

    private Deadline() {
    }

    /** Starts a call of at most {@code nanos} that may allocate at most {@code maxBytes} on this thread. */
    public static void start(long nanos, long maxBytes) {
        long[] limits = LIMITS.get();
        limits[0] = System.nanoTime() + nanos;
        limits[1] = allocated();
        limits[2] = maxBytes;
    }

    public static void clear() {
        long[] limits = LIMITS.get();
        limits[0] = 0;
        limits[1] = 0;
        limits[3] = 0;
    }

    /** Is a call running on this thread? App code runs nowhere else. */
    public static boolean inCall() {
        return LIMITS.get()[0] != 0;
    }

    /** True every {@value #CHECK_EVERY}th time (and outside a call): when a cheap check should be a full one. */
    public static boolean countdown() {
        long[] limits = LIMITS.get();
        return limits[0] == 0 || ++limits[3] % CHECK_EVERY == 0;
    }

    /** Nanoseconds left of the current call on this thread; Long.MAX_VALUE outside a call. */
    public static long remainingNanos() {
        long end = LIMITS.get()[0];
        return end == 0 ? Long.MAX_VALUE : end - System.nanoTime();
    }

    public static boolean passed() {
        long end = LIMITS.get()[0];
        return end != 0 && System.nanoTime() - end > 0;
    }

    public static boolean overBudget() {
        long[] limits = LIMITS.get();
        if (THREADS == null || limits[0] == 0) {
            return false;
        }
        long used = allocated() - limits[1];
        if (used > limits[2]) {
            return true;
        }
        if (used > MAX_ALLOCATED_BYTES) {
            Runtime rt = Runtime.getRuntime();
            return rt.totalMemory() - rt.freeMemory() > PRESSURE * rt.maxMemory();
        }
        return false;
    }

    private static long allocated() {
        return THREADS == null ? 0 : THREADS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean threads() {
        try {
            if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported()) {
                t.setThreadAllocatedMemoryEnabled(true);
                return t;
            }
        } catch (RuntimeException | LinkageError e) {
            // no allocation accounting on this JVM: the time limit still holds
        }
        return null;
    }
}
