package hearth.oauth.token;

import hearth.audit.AuditEvent;
import hearth.oauth.IssuedTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshTokenGrantTest extends GrantSpecBase {
    @Autowired
    RefreshTokenGrant refreshGrant;

    private IssuedTokens issued() {
        return tokens.issue(grant(client), client);
    }

    @Test
    void refreshWhenValidThenRotatesBothTokens() {
        IssuedTokens first = issued();
        IssuedTokens next = refreshGrant.refresh(client, new TokenRequest.RefreshToken(first.refreshToken(), null));
        assertThat(next.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(tokens.active(next.accessToken())).isPresent();
        assertThat(tokens.active(first.refreshToken())).as("used up").isEmpty();
    }

    @Test
    void refreshWhenReusedThenRevokesTheWholeGrant() {
        IssuedTokens first = issued();
        IssuedTokens next = refreshGrant.refresh(client, new TokenRequest.RefreshToken(first.refreshToken(), null));
        refusedWith(() -> refreshGrant.refresh(client, new TokenRequest.RefreshToken(first.refreshToken(), null)),
                "invalid_grant", "already used");
        assertThat(tokens.active(next.accessToken())).isEmpty();
        assertThat(audited(AuditEvent.Type.REFRESH_TOKEN_REUSED)).isEqualTo(1);
    }

    @Test
    void refreshWhenIssuedToAnotherClientThenInvalidGrant() {
        IssuedTokens first = issued();
        refusedWith(() -> refreshGrant.refresh(otherClient, new TokenRequest.RefreshToken(first.refreshToken(),
                null)), "invalid_grant", "another client");
    }

    @Test
    void refreshWhenScopeIsMoreThanGrantedThenInvalidScope() {
        IssuedTokens first = issued();
        refusedWith(() -> refreshGrant.refresh(client, new TokenRequest.RefreshToken(first.refreshToken(),
                "app admin")), "invalid_scope", "more than was granted");
    }

    @Test
    void refreshWhenUnknownThenInvalidGrant() {
        refusedWith(() -> refreshGrant.refresh(client, new TokenRequest.RefreshToken("nope", null)),
                "invalid_grant", "not known here");
    }
}
