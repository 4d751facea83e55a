package hearth.engine.api;

import java.util.Map;
import java.util.Set;

/**
 * What a call to an Installation's API came to. The engine applies the classic defaults
 * (GET 200 and POST 201 with the returned map or list as JSON, PUT and DELETE 204, render(...)
 * overriding); the host turns the error outcomes into the classic JSON bodies, so that wire
 * format lives in one place.
 */
public sealed interface HandlerOutcome {

    /** A response to send as it is. {@code body} is null for no body (204). */
    record Response(int status, String contentType, String body, Map<String, String> headers)
            implements HandlerOutcome {
        public Response {
            headers = Map.copyOf(headers);
        }
    }

    /** No mapping matches the path. */
    record NotFound() implements HandlerOutcome {
    }

    /** A mapping matches the path but not the method. */
    record MethodNotAllowed(Set<String> allowed) implements HandlerOutcome {
        public MethodNotAllowed {
            allowed = Set.copyOf(allowed);
        }
    }

    /** The handler called {@code httpError(status, message)}. */
    record HttpError(int status, String message) implements HandlerOutcome {
    }

    /**
     * The handler threw, ran too long, or broke a sandbox rule. {@code type} is the simple name
     * of the exception class, as classic bodies show it.
     */
    record Failure(String type, String message, Throwable cause) implements HandlerOutcome {
    }
}
