package hearth.modern;

import hearth.oauth.Scopes;
import hearth.account.AccountTokensRevoked;
import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import hearth.device.global.DeviceService;
import hearth.oauth.Descriptions;
import hearth.support.Secrets;
import hearth.support.Times;
import hearth.web.ApiException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Personal access tokens: an account's own tokens for its scripts against the modern API, with
 * a name, chosen scopes and an expiry (24 hours unless asked, a year at most). Shown once, stored
 * as a hash, listed with their last use, revocable one by one, all revoked by "log out
 * everywhere"; creating and revoking one is audited. They reach every Location of the account,
 * as far as their scopes go.
 */
@Service
public class PersonalTokens {
    /** Every personal token starts so: a secret scanner can tell one, and it is never an OAuth token. */
    static final String PREFIX = "hpat_";
    static final Duration DEFAULT_TTL = Duration.ofHours(24);
    static final Duration MAX_TTL = Duration.ofDays(365);
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int MAX_NAME = 100;

    private final PersonalTokenRepository tokens;
    private final DeviceService devices;
    private final AuditLog audit;
    private final Clock clock;

    public PersonalTokens(PersonalTokenRepository tokens, DeviceService devices, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.devices = devices;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token just made, in clear text for the one answer that shows it. */
    public record Created(PersonalToken token, String secret) {
        @Override
        public String toString() {
            return "Created[" + token.id() + "]";
        }
    }

    /** @throws ApiException 400 saying what to fix in the name, the scopes or the expiry */
    @Transactional
    public Created create(String accountId, String name, List<String> scopes, Long expiresInSeconds) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw ApiException.badRequest("name is required (1 to " + MAX_NAME
                    + " characters), e.g. \"backup script\"");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw ApiException.badRequest("scopes must list at least one of " + Scopes.KNOWN);
        }
        LinkedHashSet<String> checked = new LinkedHashSet<>();
        for (String scope : scopes) {
            if (scope == null || !Scopes.known(scope)) {
                throw ApiException.badRequest("unknown scope '" + scope + "'; known: " + Scopes.KNOWN);
            }
            if (!scope.endsWith(":*")) {
                String deviceId = scope.substring(scope.lastIndexOf(':') + 1);
                try {
                    devices.owned(accountId, deviceId);
                } catch (ApiException e) {
                    throw ApiException.badRequest("scope '" + scope + "' names no device of yours");
                }
            }
            checked.add(scope);
        }
        Duration ttl = expiresInSeconds == null ? DEFAULT_TTL : Duration.ofSeconds(expiresInSeconds);
        if (ttl.compareTo(Duration.ofMinutes(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw ApiException.badRequest("expiresInSeconds must be from 60 to " + MAX_TTL.getSeconds()
                    + " (a year); leave it out for 24 hours");
        }
        Instant now = clock.instant();
        String secret = PREFIX + Secrets.newSecret();
        PersonalToken token = new PersonalToken(UUID.randomUUID().toString(), accountId, name.trim(),
                Secrets.sha256Hex(secret), List.copyOf(checked), now, now.plus(ttl), null, null);
        tokens.insert(token);
        audit.record(accountId, AuditEvent.Type.PERSONAL_TOKEN_CREATED, "personal access token '" + token.name()
                + "' (" + token.id() + ") created with scopes " + String.join(" ", token.scopes()) + ", expiring in "
                + Times.inWords(ttl));
        return new Created(token, secret);
    }

    public List<PersonalToken> list(String accountId) {
        return tokens.findByAccount(accountId);
    }

    /** @throws ApiException 404 when the account has no such token, or it is already revoked */
    @Transactional
    public void revoke(String accountId, String id) {
        if (!tokens.revoke(accountId, id, clock.instant())) {
            throw ApiException.notFound("you have no active personal access token with id " + id);
        }
        audit.record(accountId, AuditEvent.Type.PERSONAL_TOKEN_REVOKED, "personal access token " + id + " revoked");
    }

    /** Log out everywhere: the account's personal tokens end too. */
    @EventListener
    public void on(AccountTokensRevoked event) {
        tokens.revokeAccount(event.accountId(), clock.instant());
    }

    /**
     * What a personal token reaches; empty when {@code token} is not one (no prefix).
     *
     * @throws ModernException 401 when it is unknown, revoked or expired, saying which
     */
    Optional<Reach> reach(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        PersonalToken found = tokens.findByHash(Secrets.sha256Hex(token)).orElseThrow(() -> unauthorized(
                "the personal access token is not known here; create one on the Access tokens page (/tokens)"));
        Instant now = clock.instant();
        if (found.revokedAt() != null) {
            throw unauthorized("the personal access token '" + found.name() + "' was revoked "
                    + Times.inWords(Duration.between(found.revokedAt(), now)) + " ago; create another");
        }
        if (!now.isBefore(found.expiresAt())) {
            throw unauthorized("the personal access token '" + found.name() + "' expired "
                    + Times.inWords(Duration.between(found.expiresAt(), now)) + " ago; create another");
        }
        if (found.lastUsedAt() == null || found.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            tokens.touch(found.id(), now);
        }
        return Optional.of(new Reach(found.accountId(), null, Scopes.of(found.scopes()), found.id()));
    }

    private static ModernException unauthorized(String description) {
        return new ModernException(ModernError.unauthorized(Descriptions.clean(description)));
    }
}
