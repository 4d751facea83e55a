package hearth.web;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A caller's mistake in the management API, answered as
 * {@code {"error": code, "error_description": what to fix}} with {@code status}.
 */
public class ApiException extends RuntimeException {
    private final ApiError error;

    public ApiException(ApiError error, String description) {
        super(description);
        this.error = error;
    }

    public static ApiException badRequest(String description) {
        return new ApiException(ApiError.INVALID_REQUEST, description);
    }

    public static ApiException notFound(String description) {
        return new ApiException(ApiError.NOT_FOUND, description);
    }

    public static ApiException forbidden(String description) {
        return new ApiException(ApiError.FORBIDDEN, description);
    }

    public static ApiException conflict(String description) {
        return new ApiException(ApiError.CONFLICT, description);
    }

    /** Fields the error body carries after error and error_description; none unless a subclass adds some. */
    public Map<String, Object> details() {
        return Map.of();
    }

    public HttpStatus status() {
        return error.status();
    }

    public String error() {
        return error.code();
    }
}
