package hearth.engine.api;

/** A SmartApp asked a device for a command it doesn't have, or with arguments that don't fit. */
public class UnsupportedCommandException extends RuntimeException {
    public UnsupportedCommandException(String message) {
        super(message);
    }
}
