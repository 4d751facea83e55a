package hearth.oauth.device;

import java.time.Instant;

/** A device authorization (RFC 8628) waiting for, or given, the user's approval. */
public record DeviceAuthorization(String deviceCodeHash, String userCode, String smartAppId, String scope,
                                  Status status, String grantId, Instant createdAt, Instant expiresAt,
                                  Instant lastPolledAt, int intervalSeconds) {

    public enum Status { PENDING, APPROVED, DENIED, CONSUMED }
}
