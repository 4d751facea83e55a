package hearth.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import hearth.HearthProperties;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Who may read {@code /actuator/prometheus} and {@code /actuator/startup}: metrics name SmartApps and
 * show traffic, the start-up steps list every bean and how long it took, so not the public. A
 * caller on the same host (a loopback address, and no proxy's forwarding header: a client behind a
 * reverse proxy on this host is not "local"), or one that sends {@code Authorization: Bearer} with
 * {@code hearth.metrics.token} when that is set.
 */
@Component
class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {
    static final AccessDeniedHandler DENIED = (request, response, e) -> {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("metrics and start-up steps are served to a caller on this host, or to one "
                + "that sends 'Authorization: Bearer' with the value of hearth.metrics.token\n");
    };

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final byte[] token;

    MetricsAccess(HearthProperties properties) {
        String token = properties.metrics().token();
        this.token = token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        return new AuthorizationDecision(allowed(context.getRequest()));
    }

    boolean allowed(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (token != null && header != null && header.startsWith("Bearer ")) {
            return MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
        }
        // A request a proxy passed on is no local scraper, whether or not that proxy is trusted (an
        // untrusted one on this host would otherwise make every client behind it look local).
        boolean proxied = request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null
                || request.getHeader("X-Real-IP") != null;
        return header == null && !proxied && loopback(request.getRemoteAddr());
    }

    private static boolean loopback(String address) {
        // Tomcat gives a literal address; only a literal is parsed, so no name is ever looked up.
        if (address == null || !(IPV4.matcher(address).matches() || address.contains(":"))) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
