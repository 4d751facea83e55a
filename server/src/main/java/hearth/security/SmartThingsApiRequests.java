package hearth.security;

import jakarta.servlet.http.HttpServletRequest;
import hearth.web.BearerRequests;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.regex.Pattern;

/**
 * The modern SmartThings API's requests (hearth.modern): everything under {@code /v1}, and its
 * unprefixed routes when they carry {@code Authorization: Bearer} (otherwise {@code /devices/{id}}
 * and {@code POST /devices/{id}/commands} are the home's pages, as hearth.web.BearerRouting routes them).
 */
final class SmartThingsApiRequests implements RequestMatcher {
    private static final Pattern READ = Pattern.compile("/locations(/[^/]+(/rooms)?)?|/devices(/[^/]+"
            + "(/status|/health|/components/[^/]+/capabilities/[^/]+/status)?)?");
    private static final Pattern COMMANDS = Pattern.compile("/devices/[^/]+/commands");

    @Override
    public boolean matches(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/v1") || path.startsWith("/v1/")) {
            return true;
        }
        if (!BearerRequests.carriesBearer(request)) {
            return false;
        }
        return switch (request.getMethod()) {
            case "GET", "HEAD" -> READ.matcher(path).matches();
            case "POST" -> COMMANDS.matcher(path).matches();
            default -> false;
        };
    }
}
