package hearth.oauth;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;

/**
 * An OAuth protocol error (RFC 6749 §5.2), answered as its JSON with the error's HTTP status.
 * The description always says what the caller should do about it.
 */
public class OAuthException extends RuntimeException {
    private final transient ErrorObject error;

    public OAuthException(ErrorObject error, String description) {
        super(Descriptions.clean(description));
        this.error = error.setDescription(getMessage());
    }

    public ErrorObject error() {
        return error;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(OAuth2Error.INVALID_REQUEST, description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException(OAuth2Error.INVALID_CLIENT, description);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException(OAuth2Error.INVALID_GRANT, description);
    }

    public static OAuthException unsupportedGrantType(String description) {
        return new OAuthException(OAuth2Error.UNSUPPORTED_GRANT_TYPE, description);
    }

    public static OAuthException invalidScope(String description) {
        return new OAuthException(OAuth2Error.INVALID_SCOPE, description);
    }
}
