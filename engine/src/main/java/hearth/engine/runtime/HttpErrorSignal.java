package hearth.engine.runtime;

/**
 * Thrown by {@code httpError(code, msg)}. An Error, not an Exception, so that an app's own
 * {@code try { } catch (e) { }} (which catches Exception) doesn't swallow it by accident.
 */
public final class HttpErrorSignal extends Error {
    private final int status;

    public HttpErrorSignal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
