package hearth.oauth.token;

import hearth.HearthProperties;
import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import hearth.oauth.Grant;
import hearth.oauth.ClientWith;
import hearth.oauth.GrantRepository;
import hearth.oauth.IssuedTokens;
import hearth.oauth.OAuthException;
import hearth.oauth.Scopes;
import hearth.oauth.SealedSuccessor;
import hearth.oauth.TokenRecord;
import hearth.oauth.TokenRepository;
import hearth.oauth.TokenService;
import hearth.oauth.TokenWithGrant;
import hearth.smartapp.SmartAppRecord;
import hearth.support.Secrets;
import hearth.support.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The refresh-token grant (RFC 6749 §6) with rotation: each refresh token works once and is
 * replaced; a second use means it leaked, and revokes the whole grant (RFC 9700 §4.14.2) -- except
 * within {@code hearth.oauth.refresh-grace} of the first use, while its successors are untouched:
 * then the answer was lost (a crash, a dropped connection), and the same successor pair comes
 * back ({@link SealedSuccessor}: kept sealed under the old token, never in clear).
 */
@Service
public class RefreshTokenGrant {
    private static final Logger log = LoggerFactory.getLogger(RefreshTokenGrant.class);

    private final TokenRepository tokenRepository;
    private final GrantRepository grants;
    private final TokenService tokens;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration grace;

    public RefreshTokenGrant(TokenRepository tokenRepository, GrantRepository grants, TokenService tokens,
                             AuditLog audit, Clock clock, HearthProperties properties) {
        this.grace = properties.oauth().refreshGrace();
        this.tokenRepository = tokenRepository;
        this.grants = grants;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The client {@code clientId} with the token (anyone's) and its grant, in one statement, for
     * {@link hearth.oauth.client.ClientAuthenticator} to authenticate before the token is looked at.
     */
    public Optional<ClientWith<TokenWithGrant>> withClient(String clientId, String refreshToken) {
        return tokenRepository.findWithClientAndGrant(clientId, Secrets.sha256Hex(refreshToken));
    }

    /** @param read the request's token with its grant, as {@link #withClient} read it with the client */
    @Transactional(noRollbackFor = OAuthException.class)
    public IssuedTokens refresh(SmartAppRecord client, TokenRequest.RefreshToken request, Optional<TokenWithGrant> read) {
        Instant now = clock.instant();
        String scope = request.scope();
        TokenWithGrant found = read
                .filter(t -> t.token().kind() == TokenRecord.Kind.REFRESH)
                .orElseThrow(() -> OAuthException.invalidGrant("the refresh token is not known here; "
                        + "authorize again at /oauth/authorize"));
        TokenRecord stored = found.token();
        Grant grant = found.grant();
        if (!stored.smartAppId().equals(client.id())) {
            throw OAuthException.invalidGrant("the refresh token was issued to another client");
        }
        if (scope != null && !Scopes.parse(scope).equals(Scopes.parse(stored.scope()))) {
            // RFC 6749 §6: never more than was granted. Less is not offered either: one grant, one scope.
            boolean less = Scopes.parse(stored.scope()).granted().containsAll(Scopes.parse(scope).granted());
            throw OAuthException.invalidScope("scope '" + scope + "' is " + (less ? "less than" : "more than")
                    + " was granted ('" + stored.scope() + "'); leave scope out to keep the granted one"
                    + (less ? "" : ", or authorize again asking for more"));
        }
        if (stored.revokedAt() != null) {
            throw OAuthException.invalidGrant("the refresh token was revoked " + Times.inWords(
                    Duration.between(stored.revokedAt(), now)) + " ago; the user must authorize the app again");
        }
        boolean expired = !now.isBefore(stored.expiresAt());
        // The successors are made first, so marking the token used and sealing them under it is one write.
        TokenService.NewTokens fresh = expired || grant.revoked() ? null : tokens.newTokens(client);
        String sealed = fresh == null || fresh.refreshToken() == null || grace.isZero() || grace.isNegative() ? null
                : SealedSuccessor.seal(request.refreshToken(), stored.hash(), fresh.accessToken(),
                fresh.refreshToken());
        boolean first = stored.usedAt() == null && tokenRepository.markRotated(stored.hash(), now, sealed);
        if (!first) {
            if (stored.usedAt() == null) {
                // Not used when read, and now used or revoked: revoked meanwhile, or a concurrent rotation won.
                TokenRecord current = tokenRepository.findByHash(stored.hash()).orElseThrow();
                if (current.revokedAt() != null) {
                    throw OAuthException.invalidGrant("the authorization was revoked; the user must authorize the "
                            + "app again");
                }
            }
            // A rotation whose answer the client never got: the same pair again, within the window.
            Optional<IssuedTokens> again = withinGrace(request.refreshToken(), stored.hash(), now);
            if (again.isPresent()) {
                log.info("refresh token of grant {} presented again within the grace window; same successor",
                        stored.grantId());
                return again.get();
            }
            tokens.revokeGrant(stored.grantId());
            audit.record(stored.accountId(), AuditEvent.Type.REFRESH_TOKEN_REUSED, "a refresh token of installation "
                    + stored.installationId() + " was used twice; the authorization was revoked");
            log.warn("refresh token of grant {} was reused; the grant is revoked", stored.grantId());
            throw OAuthException.invalidGrant("the refresh token was already used, so it may have leaked; every "
                    + "token of this authorization is now revoked; the user must authorize the app again");
        }
        if (expired) {
            throw OAuthException.invalidGrant("the refresh token expired " + Times.inWords(
                    Duration.between(stored.expiresAt(), now)) + " ago; the user must authorize the app again");
        }
        if (grant.revoked()) {
            throw OAuthException.invalidGrant("the authorization was revoked; the user must authorize the app again");
        }
        return tokens.issue(grant, client, AuditEvent.Type.TOKEN_REFRESHED, fresh);
    }

    /**
     * The successor pair of a used refresh token, when it was used less than the grace window ago
     * and its successors are untouched: the successor refresh token unused (a client that got the
     * answer moves on to it, so the old one coming back after that is a replay), nothing revoked.
     */
    private Optional<IssuedTokens> withinGrace(String presented, String hash, Instant now) {
        TokenRecord used = tokenRepository.findByHash(hash).orElseThrow();
        if (used.usedAt() == null || !now.isBefore(used.usedAt().plus(grace)) || used.revokedAt() != null) {
            return Optional.empty();
        }
        return tokenRepository.successor(hash).flatMap(sealed -> SealedSuccessor.open(presented, hash, sealed))
                .flatMap(pair -> {
                    Optional<TokenRecord> access = tokenRepository.findByHash(Secrets.sha256Hex(pair[0]));
                    Optional<TokenRecord> refresh = tokenRepository.findByHash(Secrets.sha256Hex(pair[1]));
                    if (access.isEmpty() || refresh.isEmpty() || access.get().revokedAt() != null
                            || refresh.get().revokedAt() != null || refresh.get().usedAt() != null
                            || !now.isBefore(access.get().expiresAt())
                            || grants.findById(used.grantId()).map(Grant::revoked).orElse(true)) {
                        return Optional.empty();
                    }
                    return Optional.of(new IssuedTokens(pair[0], Duration.between(now, access.get().expiresAt()),
                            pair[1], access.get().scope()));
                });
    }
}
