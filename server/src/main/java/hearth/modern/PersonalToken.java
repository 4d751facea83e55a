package hearth.modern;

import java.time.Instant;
import java.util.List;

/** A personal access token as stored: its hash, never the token. */
public record PersonalToken(String id, String accountId, String name, String hash, List<String> scopes,
                            Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
    public PersonalToken {
        scopes = List.copyOf(scopes);
    }

    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
