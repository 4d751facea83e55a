package hearth.oauth.token;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import hearth.audit.AuditEvent;
import hearth.oauth.Grant;
import hearth.oauth.IssuedTokens;
import hearth.smartapp.SmartAppRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationCodeGrantTest extends GrantSpecBase {
    @Autowired
    AuthorizationCodeGrant codeGrant;

    private IssuedTokens exchange(String code, String redirectUri, String verifier) {
        return exchange(client, new TokenRequest.AuthorizationCode(code, redirectUri, verifier));
    }

    /** As the token endpoint calls the grant: with the code read together with the client. */
    private IssuedTokens exchange(SmartAppRecord by, TokenRequest.AuthorizationCode request) {
        return codeGrant.exchange(by, request, codeGrant.withClient(by.clientId(), request.code()).orElseThrow()
                .found());
    }

    @Test
    void exchangeWhenRequestMatchesThenIssuesTokens() {
        IssuedTokens issued = exchange(code(grant(client), true, null), REDIRECT, null);
        assertThat(issued.accessToken()).isNotBlank();
        assertThat(tokens.active(issued.accessToken())).isPresent();
    }

    @Test
    void exchangeWhenRedirectUriIsWrongThenRefusedAndTheFixedRequestStillGetsTokens() {
        String code = code(grant(client), true, null);
        refusedWith(() -> exchange(code, "https://client.example/typo", null), "invalid_grant", "send exactly '"
                + REDIRECT + "'");
        refusedWith(() -> exchange(code, null, null), "invalid_grant", "redirect_uri is missing");
        assertThat(exchange(code, REDIRECT, null).accessToken()).isNotBlank();
        assertThat(audited(AuditEvent.Type.CODE_REPLAYED)).as("a typo is not a replay").isZero();
    }

    @Test
    void exchangeWhenVerifierIsWrongThenTheCodeIsNotUsedUp() {
        CodeVerifier verifier = new CodeVerifier();
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
        String code = code(grant(client), true, challenge);
        refusedWith(() -> exchange(code, REDIRECT, new CodeVerifier().getValue()), "invalid_grant",
                "does not match the code_challenge");
        refusedWith(() -> exchange(code, REDIRECT, null), "invalid_grant", "code_verifier is missing");
        assertThat(exchange(code, REDIRECT, verifier.getValue()).accessToken()).isNotBlank();
    }

    @Test
    void exchangeWhenCodeIssuedToAnotherClientThenBurnsIt() {
        String code = code(grant(client), true, null);
        refusedWith(() -> exchange(otherClient, new TokenRequest.AuthorizationCode(code, REDIRECT, null)),
                "invalid_grant", "issued to another client");
        refusedWith(() -> exchange(code, REDIRECT, null), "invalid_grant", "already used");
    }

    @Test
    void exchangeWhenCodeReplayedThenRevokesTokensIssuedFromIt() {
        String code = code(grant(client), true, null);
        IssuedTokens first = exchange(code, REDIRECT, null);
        refusedWith(() -> exchange(code, REDIRECT, null), "invalid_grant", "already used");
        assertThat(tokens.active(first.accessToken())).isEmpty();
        assertThat(tokens.active(first.refreshToken())).isEmpty();
        assertThat(audited(AuditEvent.Type.CODE_REPLAYED)).isEqualTo(1);
    }

    @Test
    void exchangeWhenExpiredThenSaysHowLongAgoAndNothingIsRevoked() {
        String code = code(grant(client), true, null);
        clock.advance(Duration.ofMinutes(70));
        refusedWith(() -> exchange(code, REDIRECT, null), "invalid_grant", "expired 1 hour ago");
        assertThat(audited(AuditEvent.Type.CODE_REPLAYED)).isZero();
    }

    @Test
    void exchangeWhenUnknownThenInvalidGrant() {
        refusedWith(() -> exchange("not-a-code", REDIRECT, null), "invalid_grant", "not known here");
    }

    @Test
    void exchangeWhenTheAuthorizationWasRevokedThenInvalidGrant() {
        Grant grant = grant(client);
        String code = code(grant, true, null);
        tokens.revokeGrant(grant.id());
        refusedWith(() -> exchange(code, REDIRECT, null), "invalid_grant", "was revoked");
    }

    @Test
    void exchangeWhenTheAuthorizationRequestNamedNoRedirectUriThenNoneIsNeeded() {
        assertThat(exchange(code(grant(client), false, null), null, null).accessToken()).isNotBlank();
    }
}
