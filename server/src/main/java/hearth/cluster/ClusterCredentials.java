package hearth.cluster;

import hearth.HearthProperties;
import hearth.support.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * What the global server and its shards show each other on the internal API: the shared
 * {@code hearth.cluster-secret} as a bearer token. Without a secret the internal API is off.
 */
@Component
public class ClusterCredentials {
    private final String secret;

    public ClusterCredentials(HearthProperties properties) {
        this.secret = properties.clusterSecret() == null || properties.clusterSecret().isBlank()
                ? null : properties.clusterSecret().trim();
    }

    public boolean configured() {
        return secret != null;
    }

    public String authorizationHeader() {
        if (secret == null) {
            throw new IllegalStateException("hearth.cluster-secret must be set when Servers run in several processes");
        }
        return "Bearer " + secret;
    }

    public boolean accepts(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return secret != null && header != null && Secrets.constantTimeEquals(header, "Bearer " + secret);
    }
}
