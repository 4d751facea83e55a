package hearth.oauth.authorize;

import com.nimbusds.oauth2.sdk.ErrorObject;
import hearth.oauth.Descriptions;

/**
 * An authorization request that can't go on: either shown to the user on a page (client or
 * redirect URI in doubt), or sent back to the client's redirect URI as {@code error=...}.
 */
public class AuthorizationException extends RuntimeException {
    private final String detail;
    private final String redirectUri;
    private final String state;
    private final transient ErrorObject error;

    private AuthorizationException(String message, String detail, String redirectUri, String state,
                                   ErrorObject error) {
        super(message);
        this.detail = detail;
        this.redirectUri = redirectUri;
        this.state = state;
        this.error = error;
    }

    public static AuthorizationException page(String message, String detail) {
        return new AuthorizationException(message, detail, null, null, null);
    }

    /** @param error one of Nimbus' {@code OAuth2Error} constants (RFC 6749 §4.1.2.1) */
    public static AuthorizationException redirect(String redirectUri, String state, ErrorObject error,
                                                  String description) {
        String clean = Descriptions.clean(description);
        return new AuthorizationException(clean, null, redirectUri, state, error.setDescription(clean));
    }

    public boolean redirects() {
        return redirectUri != null;
    }

    public String detail() {
        return detail;
    }

    public String redirectUri() {
        return redirectUri;
    }

    public String state() {
        return state;
    }

    /** The error with its description, for the redirect; null for a page. */
    public ErrorObject error() {
        return error;
    }
}
