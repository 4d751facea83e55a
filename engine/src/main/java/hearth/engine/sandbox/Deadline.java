package hearth.engine.sandbox;

import java.lang.management.ManagementFactory;

/**
 * The limits of the current call on this worker thread: when its time ends, and how many bytes
 * it may allocate. The checks compiled into app code consult both (as well as the thread's
 * interrupt flag). Memory can't be bounded per script inside one JVM, but what one call
 * allocates can be counted, which stops runaway growth (a list doubling in a loop) before it
 * takes the heap.
 */
public final class Deadline {
    /** Allocation budget of one call; generous for any real handler. */
    public static final long MAX_ALLOCATED_BYTES = 256L * 1024 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS = threads();
    private static final ThreadLocal<long[]> LIMITS = ThreadLocal.withInitial(() -> new long[2]);

    private Deadline() {
    }

    /** Starts a call of at most {@code nanos} on this thread. */
    public static void start(long nanos) {
        long[] limits = LIMITS.get();
        limits[0] = System.nanoTime() + nanos;
        limits[1] = allocated() + MAX_ALLOCATED_BYTES;
    }

    public static void clear() {
        long[] limits = LIMITS.get();
        limits[0] = 0;
        limits[1] = 0;
    }

    static boolean passed() {
        long end = LIMITS.get()[0];
        return end != 0 && System.nanoTime() - end > 0;
    }

    static boolean overBudget() {
        long budget = LIMITS.get()[1];
        return budget != 0 && THREADS != null && allocated() > budget;
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
