package hearth.oauth.token;

import hearth.oauth.OAuthException;
import hearth.oauth.client.TokenParameters;

/**
 * The token endpoint's parameters as one typed request per grant. The classic spellings
 * ({@code grant_type=code}, {@code authorization_code=}) were normalised by {@link TokenParameters}.
 */
public final class TokenRequestConverter {
    public static final String AUTHORIZATION_CODE = "authorization_code";
    public static final String REFRESH_TOKEN = "refresh_token";
    public static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";

    private TokenRequestConverter() {
    }

    /** grant_type: REQUIRED in every token request (RFC 6749 §4.1.3, §6; RFC 8628 §3.4). */
    public static String grantType(TokenParameters parameters) {
        return parameters.require("grant_type", "send grant_type=authorization_code (or refresh_token)");
    }

    /** @throws OAuthException unsupported_grant_type, or invalid_request naming a missing parameter */
    public static TokenRequest convert(String grantType, TokenParameters parameters) {
        return switch (grantType) {
            case AUTHORIZATION_CODE -> new TokenRequest.AuthorizationCode(
                    // code: REQUIRED (RFC 6749 §4.1.3).
                    parameters.require("code", "send the code that /oauth/authorize put on your redirect URI"),
                    // redirect_uri: REQUIRED if the authorization request had one; the grant checks that.
                    parameters.get("redirect_uri").orElse(null),
                    // code_verifier: REQUIRED if the authorization request had a code_challenge (RFC 7636 §4.5).
                    parameters.get("code_verifier").orElse(null));
            case REFRESH_TOKEN -> new TokenRequest.RefreshToken(
                    // refresh_token: REQUIRED (RFC 6749 §6).
                    parameters.require("refresh_token", "send the refresh_token of the last token response"),
                    // scope: OPTIONAL; no more than was granted.
                    parameters.get("scope").orElse(null));
            case DEVICE_CODE -> new TokenRequest.DeviceCode(
                    // device_code: REQUIRED (RFC 8628 §3.4).
                    parameters.require("device_code", "send the device_code from /oauth/device_authorization"));
            default -> throw OAuthException.unsupportedGrantType("grant_type '" + grantType + "' is not supported; "
                    + "use authorization_code, refresh_token or " + DEVICE_CODE);
        };
    }
}
