package hearth.smartapp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A registered SmartApp: its source, OAuth client and publication. The client secret exists
 * here only as its hash.
 *
 * @param servers      the Server names it is published to, or {@code ["*"]} for all
 * @param publicClient a client that can't keep a secret (a native or browser app): it has none,
 *                     and must use PKCE (RFC 9700 §2.1.1)
 */
public record SmartAppRecord(String id, String ownerId, String name, String namespace, String source,
                             String clientId, String clientSecretHash, List<String> redirectUris,
                             List<String> servers, Duration accessTokenTtl, Duration refreshTokenTtl,
                             boolean publicClient, Instant createdAt, Instant updatedAt) {
    public static final String ALL_SERVERS = "*";

    public SmartAppRecord {
        redirectUris = List.copyOf(redirectUris);
        servers = List.copyOf(servers);
    }

    public boolean publishedTo(String serverName) {
        return servers.contains(ALL_SERVERS) || servers.contains(serverName);
    }

    @Override
    public String toString() {
        return "SmartApp[" + id + ", " + name + ", client " + clientId + "]";
    }
}
