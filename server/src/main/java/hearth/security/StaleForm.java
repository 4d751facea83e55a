package hearth.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * A page form posted with a CSRF token its session doesn't know (the session expired, or a
 * sign-in in another tab replaced it) is answered with a page that says so and offers the way
 * back in, never a bare 403: the consent starts again from the app's own request (the form carries
 * it in {@code _restart}), sign-in gets a fresh form. Every other refusal keeps Spring's handling.
 */
final class StaleForm implements AccessDeniedHandler {
    static final String PATH = "/session-expired";
    static final String RESTART = StaleForm.class.getName() + ".restart";
    static final String WHAT = StaleForm.class.getName() + ".what";

    // Only these shapes are offered back: an authorization request's query, or the device page.
    private static final Pattern AUTHORIZE = Pattern.compile("/oauth/authorize\\?[A-Za-z0-9._~%&=+\\-]{1,4000}");

    private final AccessDeniedHandler others = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException)) {
            others.handle(request, response, denied);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        request.setAttribute(RESTART, restart(path, request.getParameter("_restart")));
        request.setAttribute(WHAT, path.startsWith("/oauth/authorize") || path.equals("/device") ? "consent"
                : path.equals("/login") ? "login" : "form");
        request.getRequestDispatcher(PATH).forward(request, response);
    }

    static String restart(String path, String given) {
        if (given != null && (AUTHORIZE.matcher(given).matches() || given.equals("/device"))) {
            return given;
        }
        if (path.equals("/device")) {
            return "/device";
        }
        if (path.startsWith("/apps")) {
            return "/apps";
        }
        if (path.startsWith("/console")) {
            return "/console";
        }
        return "/login";
    }
}
