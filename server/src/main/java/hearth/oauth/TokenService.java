package hearth.oauth;

import hearth.account.AccountTokensRevoked;
import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import hearth.installation.InstallationRepository;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import hearth.smartapp.SmartAppDeleted;
import hearth.smartapp.SmartAppTokensRevoked;
import hearth.support.HearthMetrics;
import hearth.support.Secrets;
import hearth.support.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Issues, checks and revokes tokens. Tokens exist in clear text only in the response that carries them. */
@Service
public class TokenService {
    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    public static final String SCOPE = "app";

    private final TokenRepository tokens;
    private final GrantRepository grants;
    private final SmartAppService apps;
    private final AuditLog audit;
    private final Clock clock;
    private final HearthMetrics metrics;

    public TokenService(TokenRepository tokens, GrantRepository grants, SmartAppService apps, AuditLog audit,
                        Clock clock, HearthMetrics metrics) {
        this.tokens = tokens;
        this.grants = grants;
        this.apps = apps;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** An access token, and a refresh token unless the app runs in legacy long-lived mode. */
    @Transactional
    public IssuedTokens issue(Grant grant, SmartAppRecord app) {
        return issue(grant, app, AuditEvent.Type.TOKEN_ISSUED);
    }

    @Transactional
    public IssuedTokens issue(Grant grant, SmartAppRecord app, AuditEvent.Type event) {
        return issue(grant, app, event, newTokens(app));
    }

    /** Fresh token strings for {@code app}, not yet stored: a rotation seals them before it stores them. */
    public NewTokens newTokens(SmartAppRecord app) {
        return new NewTokens(Secrets.newSecret(),
                app.accessTokenTtl().equals(SmartAppService.LEGACY_TOKEN_TTL) ? null : Secrets.newSecret());
    }

    /** Stores {@code fresh} for the grant (both tokens in one statement), with its audit row. */
    @Transactional
    public IssuedTokens issue(Grant grant, SmartAppRecord app, AuditEvent.Type event, NewTokens fresh) {
        Instant now = clock.instant();
        TokenRecord access = new TokenRecord(Secrets.sha256Hex(fresh.accessToken()), grant.id(),
                TokenRecord.Kind.ACCESS, app.id(), grant.installationId(), grant.accountId(), grant.scope(), now,
                now.plus(app.accessTokenTtl()), null, null);
        if (fresh.refreshToken() == null) {
            tokens.insert(access);
        } else {
            tokens.insertPair(access, new TokenRecord(Secrets.sha256Hex(fresh.refreshToken()), grant.id(),
                    TokenRecord.Kind.REFRESH, app.id(), grant.installationId(), grant.accountId(), grant.scope(), now,
                    now.plus(app.refreshTokenTtl()), null, null));
        }
        // DEBUG: a routine issue or rotation (one per access-token lifetime per client) is in the audit log
        // and the hearth.tokens.issued counter; INFO is kept for what security cares about (reuse, revocation).
        log.debug("issued tokens for grant {} of installation {}", grant.id(), grant.installationId());
        metrics.tokensIssued(event == AuditEvent.Type.TOKEN_REFRESHED ? "refresh"
                : grant.origin() == Grant.Origin.SELF ? "self" : "consent");
        audit.record(grant.accountId(), event, "tokens for " + app.name() + " (client " + app.clientId()
                + ", installation " + grant.installationId() + ")");
        return new IssuedTokens(fresh.accessToken(), app.accessTokenTtl(), fresh.refreshToken(), grant.scope());
    }

    /** Token strings made and not yet stored; the refresh token is null for an app in legacy long-lived mode. */
    public record NewTokens(String accessToken, String refreshToken) {
        @Override
        public String toString() {
            return "NewTokens[]";
        }
    }

    /**
     * Checks a bearer token (RFC 6750) and answers whom it lets in.
     *
     * @throws InvalidTokenException with a description of what is wrong and what to do
     */
    public TokenRecord authenticate(String token) {
        return check(tokens.findByHash(Secrets.sha256Hex(token)));
    }

    /**
     * {@link #authenticate}, with what an installation API call reads of the token's Installation in
     * the same statement ({@link TokenRepository#findWithInstallation}).
     */
    public TokenWithInstallation authenticateWithInstallation(String token, InstallationRepository installations) {
        Optional<TokenWithInstallation> found = tokens.findWithInstallation(Secrets.sha256Hex(token), installations);
        check(found.map(TokenWithInstallation::token));
        return found.get();
    }

    /** {@link #authenticate}, with its grant and what its endpoint names read in the same statement. */
    public TokenWithEndpoint authenticateWithEndpoint(String token) {
        Optional<TokenWithEndpoint> found = tokens.findWithEndpoint(Secrets.sha256Hex(token));
        check(found.map(TokenWithEndpoint::token));
        return found.get();
    }

    private TokenRecord check(Optional<TokenRecord> found) {
        TokenRecord record = found.orElseThrow(() -> new InvalidTokenException(
                "the access token is not known here; get one from /oauth/token"));
        Instant now = clock.instant();
        if (record.kind() == TokenRecord.Kind.REFRESH) {
            throw new InvalidTokenException("this is a refresh token; exchange it at /oauth/token with "
                    + "grant_type=refresh_token and send the access token you get");
        }
        if (record.revokedAt() != null) {
            throw new InvalidTokenException("the access token was revoked " + Times.inWords(
                    Duration.between(record.revokedAt(), now)) + " ago; the user must authorize the app again");
        }
        if (!now.isBefore(record.expiresAt())) {
            throw new InvalidTokenException("the access token expired " + Times.inWords(
                    Duration.between(record.expiresAt(), now)) + " ago; use the refresh token or authorize again");
        }
        return record;
    }

    /** The token, access or refresh, if it is known, unrevoked and unexpired. */
    public Optional<TokenRecord> active(String token) {
        return active(tokens.findByHash(Secrets.sha256Hex(token)));
    }

    /** {@link #active(String)}, of a token read already ({@link #withClient}). */
    public Optional<TokenRecord> active(Optional<TokenRecord> found) {
        Instant now = clock.instant();
        return found.filter(t -> t.revokedAt() == null && now.isBefore(t.expiresAt()))
                .filter(t -> t.kind() == TokenRecord.Kind.ACCESS || t.usedAt() == null);
    }

    /**
     * The client {@code clientId} with the token (anyone's), in one statement, for
     * {@link hearth.oauth.client.ClientAuthenticator} to authenticate before the token is looked at.
     */
    public Optional<ClientWith<TokenRecord>> withClient(String clientId, String token) {
        return tokens.findWithClient(clientId, Secrets.sha256Hex(token));
    }

    /** RFC 7009: a refresh token takes its whole grant with it; an access token only itself. */
    @Transactional
    public void revokeByClient(SmartAppRecord client, String token) {
        tokens.findByHash(Secrets.sha256Hex(token)).filter(t -> t.smartAppId().equals(client.id()))
                .filter(t -> t.revokedAt() == null).ifPresent(t -> {
                    if (t.kind() == TokenRecord.Kind.REFRESH) {
                        revokeGrant(t.grantId());
                    } else {
                        tokens.revoke(t.hash(), clock.instant());
                        metrics.tokensRevoked("token");
                        log.info("revoked an access token of grant {}", t.grantId());
                        audit.record(t.accountId(), AuditEvent.Type.TOKEN_REVOKED, "an access token of installation "
                                + t.installationId() + " was revoked by its client");
                    }
                });
    }

    /**
     * Classic {@code createAccessToken()}: a token of the SmartApp for its own Installation, in a
     * grant of its own, so {@code revokeAccessToken()} ends these and nothing the user granted.
     */
    @Transactional
    public String issueSelfToken(String smartAppId, String installationId, String accountId, String locationId,
                                 String serverName) {
        SmartAppRecord app = apps.byId(smartAppId).orElseThrow();
        Grant grant = new Grant(UUID.randomUUID().toString(), app.id(), installationId, accountId, SCOPE,
                Grant.Origin.SELF, locationId, serverName, clock.instant(), null);
        grants.insert(grant);
        return issue(grant, app).accessToken();
    }

    @Transactional
    public void revokeSelfTokens(String installationId) {
        grants.revokeSelfIssued(installationId, clock.instant());
        metrics.tokensRevoked("self");
    }

    @Transactional
    public void revokeGrant(String grantId) {
        grants.revokeGrant(grantId, clock.instant());
        metrics.tokensRevoked("grant");
        log.info("revoked grant {}", grantId);
        grants.findById(grantId).ifPresent(g -> audit.record(g.accountId(), AuditEvent.Type.TOKEN_REVOKED,
                "every token of installation " + g.installationId() + " from one authorization was revoked"));
    }

    /** Log out everywhere: every grant and token this account gave to any app. */
    @EventListener
    public void on(AccountTokensRevoked event) {
        grants.revokeAccount(event.accountId(), clock.instant());
        metrics.tokensRevoked("account");
        audit.record(event.accountId(), AuditEvent.Type.ACCOUNT_TOKENS_REVOKED,
                "every token of every connected app revoked");
        log.info("revoked every token of account {}", event.accountId());
    }

    /** The user authorized the app again for this Installation: the tokens of earlier consents stop working. */
    @Transactional
    public void revokeConsented(String installationId) {
        grants.revokeConsented(installationId, clock.instant());
        log.info("revoked the earlier consents' tokens of installation {}", installationId);
    }

    /** The Installation is gone: every grant and token it held, in the caller's transaction. */
    @Transactional
    public void revokeInstallation(String installationId) {
        grants.revokeInstallation(installationId, clock.instant());
        metrics.tokensRevoked("installation");
        log.info("revoked every token of installation {}", installationId);
    }

    @EventListener
    public void on(SmartAppTokensRevoked event) {
        grants.revokeSmartApp(event.smartAppId(), clock.instant());
        metrics.tokensRevoked("smartapp");
        log.info("revoked every token of smartapp {}", event.smartAppId());
    }

    /** The SmartApp is being deleted: its grants, tokens and codes go with it, in the deleting transaction. */
    @EventListener
    public void on(SmartAppDeleted event) {
        grants.revokeSmartApp(event.app().id(), clock.instant());
        grants.deleteSmartApp(event.app().id());
        metrics.tokensRevoked("smartapp");
        log.info("deleted every grant and token of smartapp {}", event.app().id());
    }

    /** RFC 6750 §3.1 invalid_token, with what to do about it. */
    public static class InvalidTokenException extends RuntimeException {
        public InvalidTokenException(String description) {
            super(description);
        }
    }
}
