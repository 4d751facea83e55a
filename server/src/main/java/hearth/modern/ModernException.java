package hearth.modern;

/** A caller's mistake or a refusal in the modern API, answered with {@link ModernError}'s body. */
public class ModernException extends RuntimeException {
    private final transient ModernError error;

    public ModernException(ModernError error) {
        super(error.message() + (error.details().isEmpty() ? "" : ": " + error.details().get(0).message()));
        this.error = error;
    }

    public ModernError error() {
        return error;
    }
}
