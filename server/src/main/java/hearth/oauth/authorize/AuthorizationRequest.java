package hearth.oauth.authorize;

import java.io.Serializable;
import java.time.Instant;

/**
 * A validated authorization request (RFC 6749 §4.1.1), kept in the user's session while they
 * pick a Location and devices.
 *
 * @param id               names this request in the forms, so several tabs don't mix
 * @param redirectUri      the registered URI the response goes to
 * @param redirectUriGiven whether the client sent redirect_uri (then the token request must repeat it)
 * @param originalQuery    the query string it came with, to start over after switching accounts
 * @param deviceCodeHash   set when a device (RFC 8628) is being approved: the answer goes to the
 *                         device's polling, not to a redirect URI (then null)
 * @param userCode         the code the device shows, repeated on every consent page so the user can
 *                         check it is their own device they are approving (RFC 8628 §5.4); else null
 */
public record AuthorizationRequest(String id, String clientId, String smartAppId, String redirectUri,
                                   boolean redirectUriGiven, String scope, String state, String codeChallenge,
                                   String codeChallengeMethod, String originalQuery, Instant createdAt,
                                   String deviceCodeHash, String userCode) implements Serializable {

    public boolean forDevice() {
        return deviceCodeHash != null;
    }

    /**
     * Where the same flow starts again: the forms carry it, so a post whose session or CSRF token
     * is gone can be answered with a way back in (the stale-form page checks its shape).
     */
    public String restart() {
        return forDevice() ? "/device" : "/oauth/authorize?" + originalQuery;
    }
}
