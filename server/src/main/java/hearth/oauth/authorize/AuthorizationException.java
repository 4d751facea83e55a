package hearth.oauth.authorize;

import hearth.oauth.Descriptions;

/**
 * An authorization request that can't go on: either shown to the user on a page (client or
 * redirect URI in doubt), or sent back to the client's redirect URI as {@code error=...}.
 */
public class AuthorizationException extends RuntimeException {
    private final String detail;
    private final String redirectUri;
    private final String state;
    private final String error;

    private AuthorizationException(String message, String detail, String redirectUri, String state, String error) {
        super(message);
        this.detail = detail;
        this.redirectUri = redirectUri;
        this.state = state;
        this.error = error;
    }

    public static AuthorizationException page(String message, String detail) {
        return new AuthorizationException(message, detail, null, null, null);
    }

    public static AuthorizationException redirect(String redirectUri, String state, String error, String description) {
        return new AuthorizationException(Descriptions.clean(description), null, redirectUri, state, error);
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

    public String error() {
        return error;
    }
}
