package hearth.oauth;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/** RFC 6749 §5.2 error responses for the token endpoint (and every other OAuth JSON endpoint). */
@RestControllerAdvice
public class OAuthErrorHandler {

    @ExceptionHandler(OAuthException.class)
    public ResponseEntity<Map<String, Object>> handle(OAuthException e) {
        int status = e.error().getHTTPStatusCode() > 0 ? e.error().getHTTPStatusCode() : 400;
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.PRAGMA, "no-cache");
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            // RFC 6749 §5.2: a 401 invalid_client names the scheme the client should use.
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"hearth\"");
        }
        return response.body(e.error().toJSONObject());
    }
}
