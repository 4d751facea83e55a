package hearth.api;

import hearth.oauth.Descriptions;
import hearth.oauth.TokenService.InvalidTokenException;
import hearth.web.ErrorBodies;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/** RFC 6750 §3: 401 with {@code WWW-Authenticate: Bearer error="invalid_token"} and a body that says what to do. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InvalidTokenHandler {

    @ExceptionHandler(InvalidTokenException.class)
    public ResponseEntity<Map<String, Object>> handle(InvalidTokenException e) {
        String description = Descriptions.clean(e.getMessage());
        Map<String, Object> body = ErrorBodies.of("invalid_token", description);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"hearth\", error=\"invalid_token\", "
                        + "error_description=\"" + description + "\"")
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
