package hearth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Hearth's own settings (prefix {@code hearth}); see application.yaml for the defaults.
 *
 * @param publicUrl  this server's public base URL; blank to take it from each request
 * @param serverName the name of the Server (shard) this process hosts, e.g. {@code na01}
 */
@ConfigurationProperties("hearth")
public record HearthProperties(String dataDir, String publicUrl, String serverName, Demo demo, Signup signup,
                               OAuth oauth) {

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
