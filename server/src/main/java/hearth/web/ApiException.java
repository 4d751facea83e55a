package hearth.web;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A caller's mistake in the management API, answered as
 * {@code {"error": code, "error_description": what to fix}} with {@code status}.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String error;

    public ApiException(HttpStatus status, String error, String description) {
        super(description);
        this.status = status;
        this.error = error;
    }

    public static ApiException badRequest(String description) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_request", description);
    }

    public static ApiException notFound(String description) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", description);
    }

    public static ApiException forbidden(String description) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", description);
    }

    public static ApiException conflict(String description) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", description);
    }

    /** Fields the error body carries after error and error_description; none unless a subclass adds some. */
    public Map<String, Object> details() {
        return Map.of();
    }

    public HttpStatus status() {
        return status;
    }

    public String error() {
        return error;
    }
}
