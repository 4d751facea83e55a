package hearth.engine.limit;

/** Thrown by the checks in app code when a call allocated more than its budget. An Error, like the timeout. */
public final class MemoryLimitSignal extends Error {
    public MemoryLimitSignal(String message) {
        super(message, null, false, false);
    }
}
