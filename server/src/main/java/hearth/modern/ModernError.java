package hearth.modern;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The modern API's error body, as SmartThings answers it and its clients parse it:
 * {@code {"requestId": …, "error": {"code": …, "message": …, "details": [{"code", "target",
 * "message", "details"}]}}}. The factories below are the whole catalogue; {@code headers} is what
 * the answer carries besides the body (WWW-Authenticate).
 */
public record ModernError(int status, String code, String message, List<Detail> details, Map<String, String> headers) {
    public static final String CONSTRAINT_VIOLATION = "ConstraintViolationError";

    public ModernError {
        details = List.copyOf(details);
        headers = Map.copyOf(headers);
    }

    /** One thing wrong with one field: {@code target} names it as the client wrote it ({@code commands[0].capability}). */
    public record Detail(String code, String target, String message) {
    }

    /** 400: a query parameter or body that can't be read; {@code target} names it. */
    public static ModernError badRequest(String target, String message) {
        return new ModernError(400, CONSTRAINT_VIOLATION, "The request is malformed.",
                List.of(new Detail("InvalidValueError", target, message)), Map.of());
    }

    /** 422: well formed, but not something this device can do (an unknown command, arguments that don't fit). */
    public static ModernError unprocessable(String target, String message) {
        return new ModernError(422, CONSTRAINT_VIOLATION, "The request is malformed.",
                List.of(new Detail("InvalidValueError", target, message)), Map.of());
    }

    /** 401 (RFC 6750 §3.1): no token, or one that is unknown, expired or revoked; the message says which and what to do. */
    public static ModernError unauthorized(String message) {
        return new ModernError(401, "UnauthorizedError", message, List.of(), Map.of("WWW-Authenticate",
                "Bearer realm=\"hearth\", error=\"invalid_token\", error_description=\"" + message.replace('"', '\'')
                        + "\""));
    }

    /** 403 (RFC 6750 §3.1 insufficient_scope): the token lacks {@code scope}; the message and the header name it. */
    public static ModernError insufficientScope(String scope, String message) {
        return new ModernError(403, "ForbiddenError", message,
                List.of(new Detail("InsufficientScopeError", "scope", "missing scope " + scope)),
                Map.of("WWW-Authenticate", "Bearer realm=\"hearth\", error=\"insufficient_scope\", scope=\"" + scope
                        + "\""));
    }

    /** 404: nothing this token can reach has this id; ids of others' homes are never confirmed. */
    public static ModernError notFound(String message) {
        return new ModernError(404, "NotFoundError", message, List.of(), Map.of());
    }

    /** 415: the body is not JSON. */
    public static ModernError unsupportedMediaType(String message) {
        return new ModernError(415, "UnsupportedMediaTypeError", message, List.of(), Map.of());
    }

    /** 413: the body is over {@code maxBytes}. */
    public static ModernError tooLarge(int maxBytes) {
        return new ModernError(413, "PayloadTooLargeError", "the request body is larger than " + maxBytes
                + " bytes; send at most " + SmartThingsApi.MAX_COMMANDS + " commands at a time", List.of(), Map.of());
    }

    /**
     * 429: the caller's executions in this window are used up (the classic limit, 250 in 60 s by
     * default); {@code Retry-After} says how many seconds until the window ends.
     */
    public static ModernError tooManyRequests(int limit, long retryAfterSeconds) {
        return new ModernError(429, "TooManyRequestError", "this token made " + limit + " calls within the limit's "
                + "window; wait " + retryAfterSeconds + " s (Retry-After) and try again", List.of(),
                Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    /** 503: the Server that hosts the Location is not answering. */
    public static ModernError unavailable(String message) {
        return new ModernError(503, "ServiceUnavailableError", message, List.of(), Map.of());
    }

    public Map<String, Object> body(String requestId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details.stream().map(d -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("code", d.code());
            detail.put("target", d.target());
            detail.put("message", d.message());
            detail.put("details", List.of());
            return detail;
        }).toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("error", error);
        return body;
    }
}
