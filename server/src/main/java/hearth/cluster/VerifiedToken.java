package hearth.cluster;

import java.time.Instant;

/** A bearer token the global server vouches for: whose it is and until when. */
public record VerifiedToken(String installationId, String smartAppId, String accountId, Instant expiresAt) {
}
