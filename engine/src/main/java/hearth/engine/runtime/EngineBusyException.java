package hearth.engine.runtime;

/** Every worker is busy and the queue is full: the call was not started. */
public final class EngineBusyException extends RuntimeException {
    public EngineBusyException(String message) {
        super(message);
    }
}
