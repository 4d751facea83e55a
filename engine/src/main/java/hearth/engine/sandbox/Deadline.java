package hearth.engine.sandbox;

/**
 * The end of the current call's time on this worker thread, which the interrupt checks compiled
 * into app code compare against (as well as the thread's interrupt flag).
 */
public final class Deadline {
    private static final ThreadLocal<long[]> END = ThreadLocal.withInitial(() -> new long[1]);

    private Deadline() {
    }

    /** Starts a call of at most {@code nanos} on this thread. */
    public static void start(long nanos) {
        END.get()[0] = System.nanoTime() + nanos;
    }

    public static void clear() {
        END.get()[0] = 0;
    }

    static boolean passed() {
        long end = END.get()[0];
        return end != 0 && System.nanoTime() - end > 0;
    }
}
