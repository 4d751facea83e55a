package hearth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * Hearth's own settings (prefix {@code hearth}); see application.yaml for the defaults.
 *
 * @param publicUrl     this server's public base URL; blank to take it from each request
 * @param serverName    the name of the Server (shard) this process hosts, e.g. {@code na01}
 * @param role          global, shard, or both (one process does everything)
 * @param servers       the other Servers of the topology: name to public base URL
 * @param globalUrl     where a shard finds the global server
 * @param clusterSecret what the global server and its shards show each other; required as soon
 *                      as there is more than one process
 */
@ConfigurationProperties("hearth")
public record HearthProperties(String dataDir, String publicUrl, String serverName, Demo demo, Signup signup,
                               OAuth oauth, Role role, Map<String, String> servers, String globalUrl,
                               String clusterSecret) {

    public HearthProperties {
        role = role == null ? Role.BOTH : role;
        servers = servers == null ? Map.of() : Map.copyOf(servers);
    }

    public enum Role {
        GLOBAL, SHARD, BOTH;

        /** Accounts, OAuth, the SmartApp registry and the Location directory live here. */
        public boolean global() {
            return this != SHARD;
        }

        /** This process hosts a Server: Locations, devices, Installations, SmartApp execution. */
        public boolean shard() {
            return this != GLOBAL;
        }
    }

    public record Demo(boolean enabled) {
    }

    public record Signup(boolean enabled) {
    }

    /**
     * @param codeTtl          how long an authorization code lives (RFC 9700 asks for minutes)
     * @param accessTokenTtl   default access-token lifetime of a new SmartApp
     * @param refreshTokenTtl  default refresh-token lifetime of a new SmartApp
     */
    public record OAuth(Duration codeTtl, Duration accessTokenTtl, Duration refreshTokenTtl) {
    }
}
