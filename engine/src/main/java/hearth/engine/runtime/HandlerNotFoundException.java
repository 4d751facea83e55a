package hearth.engine.runtime;

/** {@code mappings} names a handler the app doesn't define. */
public final class HandlerNotFoundException extends RuntimeException {
    public HandlerNotFoundException(String message) {
        super(message);
    }
}
