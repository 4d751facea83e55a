package hearth.engine.limit;

/**
 * Thrown by the interrupt checks compiled into every loop, method and closure once the call's
 * time is up (the runner interrupts the worker thread). An Error so {@code catch (e)} in an app
 * doesn't keep a runaway loop alive; the thread's interrupt flag stays set, so the next check
 * throws again even if something catches this.
 */
public final class ExecutionTimeoutSignal extends Error {
    public ExecutionTimeoutSignal(String message) {
        super(message, null, false, false);
    }
}
