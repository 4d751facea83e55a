package hearth.api;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classic installation API's error bodies, which existing clients parse:
 * {@code {"error":true,"type":"...","message":"..."}}. One place for the wire format.
 */
public final class ClassicErrors {
    public static final MediaType JSON = MediaType.parseMediaType("application/json;charset=utf-8");
    public static final String SMARTAPP_EXCEPTION = "SmartAppException";
    public static final String ACCESS_DENIED = "AccessDenied";
    public static final String RATE_LIMIT = "RateLimit";

    private ClassicErrors() {
    }

    public static ResponseEntity<Map<String, Object>> of(int status, String type, String message) {
        return ResponseEntity.status(status).contentType(JSON).body(body(type, message));
    }

    public static Map<String, Object> body(String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", true);
        body.put("type", type);
        body.put("message", message);
        return body;
    }
}
