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
    /** The parameters that name the code and the refresh token. */
    public static final String CODE_PARAMETER = "code";
    public static final String REFRESH_TOKEN_PARAMETER = "refresh_token";

    private TokenRequestConverter() {
    }

    /** grant_type: REQUIRED in every token request (RFC 6749 §4.1.3, §6; RFC 8628 §3.4). */
    public static String grantType(TokenParameters parameters) {
        return parameters.require("grant_type", "send grant_type=authorization_code (or refresh_token)");
    }

    /** @throws OAuthException unsupported_grant_type, or invalid_request naming a missing parameter */
    public static TokenRequest convert(String grantType, TokenParameters parameters) {
        return switch (grantType) {
            case AUTHORIZATION_CODE -> authorizationCode(parameters);
            case REFRESH_TOKEN -> refreshToken(parameters);
            case DEVICE_CODE -> new TokenRequest.DeviceCode(
                    // device_code: REQUIRED (RFC 8628 §3.4).
                    parameters.require("device_code", "send the device_code from /oauth/device_authorization"));
            default -> throw OAuthException.unsupportedGrantType("grant_type '" + grantType + "' is not supported; "
                    + "use authorization_code, refresh_token or " + DEVICE_CODE);
        };
    }

    /** @throws OAuthException invalid_request when the code is missing */
    public static TokenRequest.AuthorizationCode authorizationCode(TokenParameters parameters) {
        return new TokenRequest.AuthorizationCode(
                // code: REQUIRED (RFC 6749 §4.1.3).
                parameters.require(CODE_PARAMETER, "send the code that /oauth/authorize put on your redirect URI"),
                // redirect_uri: REQUIRED if the authorization request had one; the grant checks that.
                parameters.get("redirect_uri").orElse(null),
                // code_verifier: REQUIRED if the authorization request had a code_challenge (RFC 7636 §4.5).
                parameters.get("code_verifier").orElse(null));
    }

    /** @throws OAuthException invalid_request when the refresh token is missing */
    public static TokenRequest.RefreshToken refreshToken(TokenParameters parameters) {
        return new TokenRequest.RefreshToken(
                // refresh_token: REQUIRED (RFC 6749 §6).
                parameters.require(REFRESH_TOKEN_PARAMETER, "send the refresh_token of the last token response"),
                // scope: OPTIONAL; no more than was granted.
                parameters.get("scope").orElse(null));
    }
}
