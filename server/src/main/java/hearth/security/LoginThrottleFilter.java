package hearth.security;

import hearth.web.ApiError;
import hearth.web.ErrorBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Refuses a sign-in attempt (the login form, or HTTP Basic) while {@link LoginThrottle} says to
 * wait, before the password is even checked. Not a bean: it runs only inside the security chains.
 */
class LoginThrottleFilter extends OncePerRequestFilter {
    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = HttpMethod.POST.matches(request.getMethod()) && "/login".equals(request.getServletPath());
        String username = form ? request.getParameter("username") : basicUsername(request);
        if (username != null) {
            Duration wait = throttle.waitFor(username, request.getRemoteAddr());
            if (!wait.isZero()) {
                throttle.refused(username);
                long seconds = Math.max(1, wait.toSeconds());
                if (form) {
                    response.sendRedirect(request.getContextPath() + "/login?throttled");
                } else {
                    response.setHeader("Retry-After", Long.toString(seconds));
                    ErrorBodies.write(response, ApiError.TOO_MANY_ATTEMPTS, "too many failed sign-ins; wait " + seconds
                            + " seconds and try again");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String basicUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
