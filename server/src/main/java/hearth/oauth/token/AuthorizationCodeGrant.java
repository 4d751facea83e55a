package hearth.oauth.token;

import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import hearth.oauth.AuthorizationCode;
import hearth.oauth.AuthorizationCodeRepository;
import hearth.oauth.ClientWith;
import hearth.oauth.CodeWithGrant;
import hearth.oauth.Grant;
import hearth.oauth.IssuedTokens;
import hearth.oauth.OAuthException;
import hearth.oauth.TokenService;
import hearth.smartapp.SmartAppRecord;
import hearth.support.Secrets;
import hearth.support.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The rules of the authorization-code grant (RFC 6749 §4.1.3, RFC 9700 §2.1). No servlet types here. */
@Service
public class AuthorizationCodeGrant {
    private static final Logger log = LoggerFactory.getLogger(AuthorizationCodeGrant.class);

    private final AuthorizationCodeRepository codes;
    private final TokenService tokens;
    private final AuditLog audit;
    private final Clock clock;

    public AuthorizationCodeGrant(AuthorizationCodeRepository codes, TokenService tokens,
                                  AuditLog audit, Clock clock) {
        this.codes = codes;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The client {@code clientId} with the code (anyone's) and its grant, in one statement, for
     * {@link hearth.oauth.client.ClientAuthenticator} to authenticate before the code is looked at.
     */
    public Optional<ClientWith<CodeWithGrant>> withClient(String clientId, String code) {
        return codes.findWithClient(clientId, Secrets.sha256Hex(code));
    }

    /**
     * Checks the request against the code before using it up, so a client that got its
     * redirect_uri or verifier wrong can send the same code again once fixed; only a code that
     * was already used is a replay.
     *
     * @param read the request's code with its grant, as {@link #withClient} read it with the client
     */
    // noRollbackFor: burning a code, and revoking the tokens of a replayed one, must stick although the request fails.
    @Transactional(noRollbackFor = OAuthException.class, propagation = Propagation.REQUIRED)
    public IssuedTokens exchange(SmartAppRecord client, TokenRequest.AuthorizationCode request,
                                 Optional<CodeWithGrant> read) {
        Instant now = clock.instant();
        CodeWithGrant found = read.orElseThrow(() -> OAuthException.invalidGrant("the authorization code is not known here; request a new one at "
                        + "/oauth/authorize (codes are single-use, check that you sent it whole)"));
        AuthorizationCode stored = found.code();
        Grant grant = found.grant();
        if (!grant.smartAppId().equals(client.id())) {
            // As Spring Authorization Server does: a code shown by another client has leaked; burn it,
            // so the client it was issued to can't be fooled into a session the other one started.
            codes.markUsed(stored.hash(), now);
            log.warn("authorization code of grant {} was presented by client {}; it is burned", grant.id(),
                    client.clientId());
            throw OAuthException.invalidGrant("the authorization code was issued to another client; use the "
                    + "client_id and client_secret of the app that requested it");
        }
        if (stored.usedAt() != null) {
            throw replayed(grant);
        }
        if (!now.isBefore(stored.expiresAt())) {
            throw OAuthException.invalidGrant("the authorization code expired " + Times.inWords(
                    Duration.between(stored.expiresAt(), now)) + " ago; request a new one (codes live "
                    + Times.inWords(Duration.between(stored.createdAt(), stored.expiresAt())) + ")");
        }
        if (grant.revoked()) {
            throw OAuthException.invalidGrant("the authorization was revoked (the app was disconnected); "
                    + "start a new authorization at /oauth/authorize");
        }
        // RFC 6749 §4.1.3: the same redirect_uri as the authorization request, if that one named it.
        if (request.redirectUri() == null && stored.redirectUriGiven()) {
            throw OAuthException.invalidGrant("redirect_uri is missing; send the same redirect_uri as in the "
                    + "authorization request: '" + stored.redirectUri() + "'");
        }
        if (request.redirectUri() != null && !request.redirectUri().equals(stored.redirectUri())) {
            throw OAuthException.invalidGrant("redirect_uri '" + request.redirectUri() + "' does not match the one "
                    + "of the authorization request; send exactly '" + stored.redirectUri() + "'");
        }
        Pkce.verify(stored, request.codeVerifier());
        if (!codes.markUsed(stored.hash(), now)) {
            throw replayed(grant);   // another request used it a moment ago
        }
        return tokens.issue(grant, client);
    }

    /** RFC 6749 §4.1.2: a code used twice means it leaked; revoke what it issued. */
    private OAuthException replayed(Grant grant) {
        tokens.revokeGrant(grant.id());
        audit.record(grant.accountId(), AuditEvent.Type.CODE_REPLAYED, "an authorization code of installation "
                + grant.installationId() + " was used twice; its tokens were revoked");
        log.warn("authorization code of grant {} was replayed; its tokens are revoked", grant.id());
        return OAuthException.invalidGrant("the authorization code was already used; the tokens issued from it "
                + "are now revoked for safety; start a new authorization at /oauth/authorize");
    }
}
