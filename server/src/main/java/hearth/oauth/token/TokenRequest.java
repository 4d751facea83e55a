package hearth.oauth.token;

/**
 * A token request (RFC 6749 §4.1.3, §6; RFC 8628 §3.4), one type per grant, made by
 * {@link TokenRequestConverter} from the parameters. None prints the secret it carries.
 */
public sealed interface TokenRequest {

    /**
     * @param redirectUri  as sent, or null; must repeat the authorization request's when that named one
     * @param codeVerifier the PKCE verifier (RFC 7636 §4.5), or null
     */
    record AuthorizationCode(String code, String redirectUri, String codeVerifier) implements TokenRequest {
        @Override
        public String toString() {
            return "AuthorizationCode[redirectUri=" + redirectUri + "]";
        }
    }

    /** @param scope as sent, or null to keep the granted one (RFC 6749 §6) */
    record RefreshToken(String refreshToken, String scope) implements TokenRequest {
        @Override
        public String toString() {
            return "RefreshToken[scope=" + scope + "]";
        }
    }

    record DeviceCode(String deviceCode) implements TokenRequest {
        @Override
        public String toString() {
            return "DeviceCode[]";
        }
    }
}
