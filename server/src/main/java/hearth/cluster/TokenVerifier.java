package hearth.cluster;

import hearth.HearthProperties;
import hearth.cluster.InternalApi.Introspect;
import hearth.cluster.InternalApi.TokenStatus;
import hearth.installation.InstallationRepository;
import hearth.installation.LoadedInstallation;
import hearth.oauth.TokenRecord;
import hearth.oauth.TokenService.InvalidTokenException;
import hearth.oauth.TokenService;
import hearth.oauth.TokenWithInstallation;
import hearth.support.Secrets;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks bearer tokens for the installation API. Where the global side runs in this process it
 * asks {@link TokenService}; a shard asks the global server and keeps the answer for a few
 * seconds ({@code hearth.cluster.token-cache}), so a revocation reaches it within that bound.
 */
@Component
public class TokenVerifier {
    private static final TypeReference<TokenStatus> STATUS = new TypeReference<>() {
    };
    private static final int MAX_CACHED = 50_000;

    private final HearthProperties properties;
    private final TokenService tokens;
    private final InstallationRepository installations;
    private final ClusterClient client;
    private final Duration cacheFor;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    TokenVerifier(HearthProperties properties, TokenService tokens, InstallationRepository installations,
                  ClusterClient client, Clock clock) {
        this.properties = properties;
        this.installations = installations;
        this.tokens = tokens;
        this.client = client;
        this.cacheFor = properties.cluster().tokenCache();
        this.clock = clock;
    }

    /**
     * {@link #verify}, with what an installation API call reads of the token's Installation where
     * the global side runs in this process (one statement for both); else the token alone.
     *
     * @throws InvalidTokenException with what is wrong and what to do
     */
    public Verified verifyForCall(String token) {
        if (properties.role().global()) {
            TokenWithInstallation found = tokens.authenticateWithInstallation(token, installations);
            return new Verified(verified(found.token()), found.installation());
        }
        return new Verified(verify(token), null);
    }

    /**
     * A token and, when it was read with it, its Installation's {@link InstallationRepository#loadedHead}.
     *
     * @param installation null when not read with the token (or not in this database)
     */
    public record Verified(VerifiedToken token, LoadedInstallation installation) {
    }

    private static VerifiedToken verified(TokenRecord record) {
        return new VerifiedToken(record.installationId(), record.smartAppId(), record.accountId(),
                record.expiresAt());
    }

    /** @throws InvalidTokenException with what is wrong and what to do */
    public VerifiedToken verify(String token) {
        if (properties.role().global()) {
            return verified(tokens.authenticate(token));
        }
        String key = Secrets.sha256Hex(token);   // the cache holds hashes, never tokens
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.token();
        }
        TokenStatus status = client.call("global", properties.globalUrl(), "POST", "/internal/tokens/introspect",
                new Introspect(token), STATUS);
        if (!status.active()) {
            cache.remove(key);
            throw new InvalidTokenException(status.description());
        }
        VerifiedToken verified = new VerifiedToken(status.installationId(), status.smartAppId(), status.accountId(),
                status.expiresAt());
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        Instant until = now.plus(cacheFor);
        cache.put(key, new Cached(verified, until.isBefore(status.expiresAt()) ? until : status.expiresAt()));
        return verified;
    }

    private record Cached(VerifiedToken token, Instant until) {
    }
}
