package hearth.oauth;

import java.time.Instant;

/** A stored access or refresh token: only its hash, never the token. */
public record TokenRecord(String hash, String grantId, Kind kind, String smartAppId, String installationId,
                          String accountId, String scope, Instant issuedAt, Instant expiresAt, Instant revokedAt,
                          Instant usedAt) {

    public enum Kind { ACCESS, REFRESH }
}
