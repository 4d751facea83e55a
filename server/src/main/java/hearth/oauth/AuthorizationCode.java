package hearth.oauth;

import java.time.Instant;

/**
 * A stored authorization code (its hash) and what the token request must match.
 *
 * @param redirectUriGiven whether the authorization request named the redirect URI, in which
 *                         case the token request must name the same (RFC 6749 §4.1.3)
 */
public record AuthorizationCode(String hash, String grantId, String redirectUri, boolean redirectUriGiven,
                                String codeChallenge, String codeChallengeMethod, Instant createdAt,
                                Instant expiresAt, Instant usedAt) {
}
