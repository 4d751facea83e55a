package hearth.engine.runtime;

import hearth.engine.api.HandlerOutcome;
import hearth.engine.limit.ExecutionTimeoutSignal;
import hearth.engine.limit.MemoryLimitSignal;
import org.codehaus.groovy.runtime.InvokerInvocationException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;

/** Maps what app code threw to the outcome the host reports. */
final class Outcomes {
    private Outcomes() {
    }

    static HandlerOutcome of(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof HttpErrorSignal e) {
            return new HandlerOutcome.HttpError(e.status(), e.getMessage());
        }
        if (t instanceof ExecutionTimeoutSignal || t instanceof InterruptedException) {
            // Only the runner interrupts workers, and only at the deadline.
            return new HandlerOutcome.Failure(ExecutionTimeoutException.class.getSimpleName(),
                    "the SmartApp ran longer than its time limit and was stopped", t);
        }
        if (t instanceof MemoryLimitSignal) {
            return failure("MemoryLimitExceededException", t);
        }
        return failure(t.getClass().getSimpleName(), t);
    }

    /** Called on the worker: the message is worked out here, once (see {@link SmartAppFailure}). */
    private static HandlerOutcome.Failure failure(String type, Throwable t) {
        String message;
        try {
            message = t.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            message = "(no message)";
        }
        return new HandlerOutcome.Failure(type, message, new SmartAppFailure(type, message, t.getStackTrace()));
    }

    static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while (t.getCause() != null && t.getCause() != t
                && (t instanceof InvokerInvocationException || t instanceof InvocationTargetException
                    || t instanceof UndeclaredThrowableException || t instanceof ExceptionInInitializerError)) {
            t = t.getCause();
        }
        return t;
    }
}
