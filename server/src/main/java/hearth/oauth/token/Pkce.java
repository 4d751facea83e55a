package hearth.oauth.token;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import hearth.oauth.AuthorizationCode;
import hearth.oauth.OAuthException;
import hearth.support.Secrets;

/** PKCE (RFC 7636) at the token endpoint; the challenge arithmetic is Nimbus's. */
final class Pkce {
    private Pkce() {
    }

    static void verify(AuthorizationCode code, String verifier) {
        if (code.codeChallenge() == null) {
            if (verifier != null) {
                // RFC 9700 §2.1.1: a verifier without a challenge means someone injected a code.
                throw OAuthException.invalidGrant("code_verifier was sent, but the authorization request had no "
                        + "code_challenge; send code_challenge with the authorization request, or no verifier");
            }
            return;
        }
        if (verifier == null) {
            throw OAuthException.invalidGrant("code_verifier is missing; the authorization request had a "
                    + "code_challenge, so send the verifier it was made from (RFC 7636 §4.5)");
        }
        if (!verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            throw OAuthException.invalidGrant("code_verifier must be 43 to 128 characters of A-Z a-z 0-9 - . _ ~");
        }
        String expected = CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(verifier)).getValue();
        if (!Secrets.constantTimeEquals(expected, code.codeChallenge())) {
            throw OAuthException.invalidGrant("code_verifier does not match the code_challenge of the authorization "
                    + "request");
        }
    }
}
