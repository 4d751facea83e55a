package hearth.web;

import org.springframework.http.HttpStatus;

import java.util.Arrays;

/**
 * The management API's error catalogue: each {@code error} code with its status. Every
 * {@code {"error", "error_description"}} body of the management API and of the filters in front
 * of it (sign-in, roles, the internal API) takes its code from here.
 */
public enum ApiError {
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid_request"),
    INVALID_SOURCE(HttpStatus.BAD_REQUEST, "invalid_source"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden"),
    SIGNUP_DISABLED(HttpStatus.FORBIDDEN, "signup_disabled"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not_found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed"),
    CONFLICT(HttpStatus.CONFLICT, "conflict"),
    SMARTAPP_EXISTS(HttpStatus.CONFLICT, "smartapp_exists"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "invalid_request"),
    TOO_MANY_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts"),
    SERVER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "server_unavailable"),
    /** A SmartApp's own code failed where the platform needed its answer (one of its pages). */
    APP_FAILED(HttpStatus.BAD_GATEWAY, "app_failed");

    private final HttpStatus status;
    private final String code;

    ApiError(HttpStatus status, String code) {
        this.status = status;
        this.code = code;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The entry another Hearth process answered with: by status and code, else by status, else invalid_request. */
    public static ApiError of(int status, String code) {
        return Arrays.stream(values()).filter(e -> e.status.value() == status && e.code.equals(code)).findFirst()
                .or(() -> Arrays.stream(values()).filter(e -> e.status.value() == status).findFirst())
                .orElse(INVALID_REQUEST);
    }
}
