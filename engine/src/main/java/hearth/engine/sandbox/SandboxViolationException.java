package hearth.engine.sandbox;

/**
 * App code tried something the sandbox doesn't allow. Thrown at run time by the {@link Checker};
 * the same rules refuse most such code already when it is registered.
 */
public final class SandboxViolationException extends SecurityException {
    public SandboxViolationException(String message) {
        super(message);
    }
}
