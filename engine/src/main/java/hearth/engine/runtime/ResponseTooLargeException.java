package hearth.engine.runtime;

/** A handler answered more than the engine hands out in one response. */
public final class ResponseTooLargeException extends RuntimeException {
    public ResponseTooLargeException(String message) {
        super(message);
    }
}
