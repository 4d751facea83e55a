package hearth.oauth;

import java.time.Instant;

/**
 * One consent (or one SmartApp's self-issued token family): the code and every token issued
 * from it share the grant, so revoking the grant revokes them all.
 */
public record Grant(String id, String smartAppId, String installationId, String accountId, String scope,
                    Origin origin, String locationId, String serverName, Instant createdAt, Instant revokedAt) {

    public enum Origin { CONSENT, SELF }

    public boolean revoked() {
        return revokedAt != null;
    }
}
