package hearth.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;
import java.util.Map;

/**
 * The management API's errors: {@code {"error", "error_description"}} with what to fix, and
 * never a bare 500 for a caller's mistake (unreadable JSON, a wrong type, a wrong method).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler {

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<Map<String, Object>> handle(ApiException e) {
        Map<String, Object> body = ErrorBodies.of(e.error(), e.getMessage());
        body.putAll(e.details());
        // JSON even when the caller asked for a stream (Accept: text/event-stream): the error is still said
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(ServerUnavailableException.class)
    public ResponseEntity<Map<String, Object>> unavailable(ServerUnavailableException e) {
        return ResponseEntity.status(ApiError.SERVER_UNAVAILABLE.status()).header("Retry-After", "30")
                .body(body(ApiError.SERVER_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(body(ApiError.INVALID_REQUEST,
                "the request body is not the JSON this call takes; check its syntax and field types"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(ApiError.UNSUPPORTED_MEDIA_TYPE.status()).body(body(ApiError.UNSUPPORTED_MEDIA_TYPE,
                "send the body as application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(ApiError.METHOD_NOT_ALLOWED.status()).body(body(ApiError.METHOD_NOT_ALLOWED,
                e.getMethod() + " is not allowed here; allowed: " + e.getSupportedHttpMethods()));
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    public ResponseEntity<Map<String, Object>> parameter(Exception e) {
        return ResponseEntity.badRequest().body(body(ApiError.INVALID_REQUEST, e.getMessage()));
    }

    /** A browser gets the HTML 404 page (templates/error.html, through /error); API clients get JSON. */
    @ExceptionHandler(NoResourceFoundException.class)
    public ResponseEntity<Map<String, Object>> notFound(NoResourceFoundException e, HttpServletRequest request,
                                                        HttpServletResponse response) throws IOException {
        if (Browsers.wantsPage(request)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return null;
        }
        return ResponseEntity.status(ApiError.NOT_FOUND.status()).body(body(ApiError.NOT_FOUND,
                "nothing here at /" + e.getResourcePath()));
    }

    private static Map<String, Object> body(ApiError error, String description) {
        return ErrorBodies.of(error.code(), description);
    }
}
