package hearth.engine.runtime;

import java.time.Duration;

/** A call ran longer than the engine's call timeout and was stopped. The name is what clients see. */
public final class ExecutionTimeoutException extends RuntimeException {
    public ExecutionTimeoutException(String message) {
        super(message);
    }

    static ExecutionTimeoutException after(Duration timeout) {
        String limit = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        return new ExecutionTimeoutException("the SmartApp ran longer than " + limit + " and was stopped");
    }
}
