package hearth.oauth;

import java.time.Duration;

/** Tokens just issued, in clear text for the one response that carries them. */
public record IssuedTokens(String accessToken, Duration accessTokenTtl, String refreshToken, String scope) {
    @Override
    public String toString() {
        return "IssuedTokens[scope=" + scope + "]";
    }
}
