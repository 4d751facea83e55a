package hearth.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The management API's error body, {@code {"error": code, "error_description": what to fix}}:
 * made here for the exception handlers, and written here for the filters that answer before
 * Spring MVC does (the role guard, sign-in throttling, Spring Security's entry points).
 */
public final class ErrorBodies {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorBodies() {
    }

    public static Map<String, Object> of(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }

    public static void write(HttpServletResponse response, ApiError error, String description) throws IOException {
        write(response, error.status().value(), error.code(), description);
    }

    private static void write(HttpServletResponse response, int status, String error, String description)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(of(error, description)));
    }
}
