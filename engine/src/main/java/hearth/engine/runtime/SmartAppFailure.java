package hearth.engine.runtime;

/**
 * What the host gets as {@code Failure.cause}: the app's exception reduced to its type, message
 * and stack trace, all plain text taken on the worker. The original may hold app objects whose
 * {@code toString()} runs app code (Groovy builds some messages lazily), which must never happen
 * on the host's thread, e.g. when it logs the failure.
 */
public final class SmartAppFailure extends RuntimeException {
    private final String type;

    SmartAppFailure(String type, String message, StackTraceElement[] trace) {
        super(type + (message == null ? "" : ": " + message), null, false, true);
        this.type = type;
        setStackTrace(trace);
    }

    /** The simple name of the app's exception class. */
    public String type() {
        return type;
    }
}
