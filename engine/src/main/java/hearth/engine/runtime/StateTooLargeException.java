package hearth.engine.runtime;

/** The app tried to keep more in {@code state} than the engine stores. */
public final class StateTooLargeException extends RuntimeException {
    public StateTooLargeException(String message) {
        super(message);
    }
}
