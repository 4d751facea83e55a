package hearth.cluster;

import hearth.HearthProperties;
import hearth.web.ApiError;
import hearth.web.ErrorBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Keeps each process to its role. The internal API answers only the cluster secret; a shard
 * serves only installation APIs (accounts, sign-in and OAuth are the global server's); a global
 * server without a Server of its own sends installation calls to their shard.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class InternalApiGuard extends OncePerRequestFilter {
    private final ClusterCredentials credentials;
    private final HearthProperties properties;

    InternalApiGuard(ClusterCredentials credentials, HearthProperties properties) {
        this.credentials = credentials;
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean internal = path.startsWith("/internal/");
        boolean installationApi = path.startsWith("/api/smartapps/installations/");
        if (internal && !credentials.accepts(request)) {
            refuse(response, "nothing here");
            return;
        }
        if (!internal && !properties.role().global() && !installationApi && !path.startsWith("/actuator/health")) {
            refuse(response, "this is the shard '" + properties.serverName() + "': accounts, "
                    + "sign-in and OAuth are on the global server at " + properties.globalUrl());
            return;
        }
        if (installationApi && !properties.role().shard()) {
            refuse(response, "installations are served by the Server that hosts them: call "
                    + "the uri that /api/smartapps/endpoints returns");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, String description) throws IOException {
        ErrorBodies.write(response, ApiError.NOT_FOUND, description);
    }
}
