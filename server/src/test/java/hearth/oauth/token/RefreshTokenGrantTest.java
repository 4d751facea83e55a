package hearth.oauth.token;

import hearth.audit.AuditEvent;
import hearth.oauth.IssuedTokens;
import hearth.smartapp.SmartAppRecord;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.time.Duration;
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
        IssuedTokens next = refresh(client, new TokenRequest.RefreshToken(first.refreshToken(), null));
        assertThat(next.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(tokens.active(next.accessToken())).isPresent();
        assertThat(tokens.active(first.refreshToken())).as("used up").isEmpty();
    }

    @Autowired
    JdbcClient jdbc;

    private IssuedTokens refresh(String token) {
        return refresh(client, new TokenRequest.RefreshToken(token, null));
    }

    /** As the token endpoint calls the grant: with the token read together with the client. */
    private IssuedTokens refresh(SmartAppRecord by, TokenRequest.RefreshToken request) {
        return refreshGrant.refresh(by, request, refreshGrant.withClient(by.clientId(), request.refreshToken())
                .orElseThrow().found());
    }

    @Test
    void refreshWhenReusedWithinGraceThenReturnsSameSuccessor() {
        IssuedTokens first = issued();
        IssuedTokens next = refresh(first.refreshToken());
        clock.advance(Duration.ofSeconds(29));
        IssuedTokens again = refresh(first.refreshToken());
        assertThat(again.accessToken()).isEqualTo(next.accessToken());
        assertThat(again.refreshToken()).isEqualTo(next.refreshToken());
        assertThat(again.accessTokenTtl()).isLessThan(next.accessTokenTtl()).isPositive();
        assertThat(tokens.active(next.accessToken())).isPresent();
        assertThat(audited(AuditEvent.Type.REFRESH_TOKEN_REUSED)).isZero();
        // And the successor still rotates as usual.
        assertThat(refresh(next.refreshToken()).refreshToken()).isNotEqualTo(next.refreshToken());
    }

    @Test
    void refreshWhenReusedAfterTheSuccessorWasUsedThenRevokesEvenWithinGrace() {
        IssuedTokens first = issued();
        IssuedTokens next = refresh(first.refreshToken());
        IssuedTokens third = refresh(next.refreshToken());
        refusedWith(() -> refresh(first.refreshToken()), "invalid_grant", "already used");
        assertThat(tokens.active(third.accessToken())).isEmpty();
    }

    @Test
    void refreshWhenGrantRevokedWithinGraceThenNoSuccessorComesBack() {
        IssuedTokens first = issued();
        IssuedTokens next = refresh(first.refreshToken());
        tokens.revokeGrant(tokens.active(next.accessToken()).orElseThrow().grantId());
        refusedWith(() -> refresh(first.refreshToken()), "invalid_grant", "");
    }

    @Test
    void theSuccessorIsKeptOnlySealedUnderTheOldToken() {
        IssuedTokens first = issued();
        IssuedTokens next = refresh(first.refreshToken());
        String hash = hearth.support.Secrets.sha256Hex(first.refreshToken());
        String sealed = jdbc.sql("SELECT successor FROM oauth_token WHERE token_hash = ?").param(hash)
                .query(String.class).single();
        assertThat(sealed).isNotBlank().doesNotContain(next.accessToken()).doesNotContain(next.refreshToken());
        String all = String.join(" ", jdbc.sql("SELECT COALESCE(successor, '') FROM oauth_token")
                .query(String.class).list());
        assertThat(all).doesNotContain(next.accessToken()).doesNotContain(next.refreshToken());
    }

    @Test
    void refreshWhenReusedAfterGraceThenRevokesTheWholeGrant() {
        IssuedTokens first = issued();
        IssuedTokens next = refresh(client, new TokenRequest.RefreshToken(first.refreshToken(), null));
        clock.advance(Duration.ofSeconds(31));
        refusedWith(() -> refresh(client, new TokenRequest.RefreshToken(first.refreshToken(), null)),
                "invalid_grant", "already used");
        assertThat(tokens.active(next.accessToken())).isEmpty();
        assertThat(audited(AuditEvent.Type.REFRESH_TOKEN_REUSED)).isEqualTo(1);
    }

    @Test
    void refreshWhenIssuedToAnotherClientThenInvalidGrant() {
        IssuedTokens first = issued();
        refusedWith(() -> refresh(otherClient, new TokenRequest.RefreshToken(first.refreshToken(),
                null)), "invalid_grant", "another client");
    }

    @Test
    void refreshWhenScopeIsMoreThanGrantedThenInvalidScope() {
        IssuedTokens first = issued();
        refusedWith(() -> refresh(client, new TokenRequest.RefreshToken(first.refreshToken(),
                "app admin")), "invalid_scope", "more than was granted");
    }

    @Test
    void refreshWhenUnknownThenInvalidGrant() {
        refusedWith(() -> refresh(client, new TokenRequest.RefreshToken("nope", null)),
                "invalid_grant", "not known here");
    }
}
