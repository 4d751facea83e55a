package hearth.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classic installation API's errors, which existing clients parse:
 * {@code {"error":true,"type":"...","message":"..."}} with the status each one has on the classic
 * platform. The factories below are the whole catalogue.
 *
 * @param headers   what the answer carries besides the body (Allow, Retry-After)
 * @param reference set for a SmartApp's failure: the id under which the stack trace was logged
 */
public record ClassicError(int status, String type, String message, Map<String, String> headers, String reference) {
    public static final String SMARTAPP_EXCEPTION = "SmartAppException";
    public static final String ACCESS_DENIED = "AccessDenied";
    public static final String RATE_LIMIT = "RateLimit";

    public ClassicError {
        headers = Map.copyOf(headers);
    }

    /** 403: the token may not reach this Installation (another's, or not hosted here). */
    public static ClassicError accessDenied(String message) {
        return new ClassicError(403, ACCESS_DENIED, message, Map.of(), null);
    }

    /** 429: the Installation's executions in this window are used up; {@code Retry-After} says for how long. */
    public static ClassicError rateLimit(int limit, long retryAfterSeconds) {
        return new ClassicError(429, RATE_LIMIT, "this installation ran " + limit + " times within the limit's "
                + "window; try again in " + retryAfterSeconds + " seconds",
                Map.of("Retry-After", Long.toString(retryAfterSeconds)), null);
    }

    /** 413: the request body is over the limit. */
    public static ClassicError tooLarge(int maxBytes) {
        return new ClassicError(413, SMARTAPP_EXCEPTION, "the request body is larger than " + maxBytes + " bytes",
                Map.of(), null);
    }

    /** 400: the path or query can't be decoded. */
    public static ClassicError malformedEscape() {
        return new ClassicError(400, SMARTAPP_EXCEPTION, "the path or query has a malformed %-escape; encode '%' "
                + "as %25", Map.of(), null);
    }

    /** 404: no mapping of the SmartApp matches the path. */
    public static ClassicError notFound() {
        return new ClassicError(404, SMARTAPP_EXCEPTION, "Not Found", Map.of(), null);
    }

    /** 405: a mapping matches the path, but not for this method. */
    public static ClassicError methodNotAllowed(Iterable<String> allowed) {
        return new ClassicError(405, SMARTAPP_EXCEPTION, "Method Not Allowed",
                Map.of("Allow", String.join(", ", allowed)), null);
    }

    /** The SmartApp's own {@code httpError(status, message)}. */
    public static ClassicError httpError(int status, String message) {
        return new ClassicError(status, SMARTAPP_EXCEPTION, message, Map.of(), null);
    }

    /** 500: the SmartApp failed (an exception, a timeout, a sandbox refusal); {@code type} names it. */
    public static ClassicError failure(String type, String message, String reference) {
        return new ClassicError(500, type, message, Map.of(), reference);
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", true);
        body.put("type", type);
        body.put("message", message);
        if (reference != null) {
            body.put("reference", reference);
        }
        return body;
    }
}
