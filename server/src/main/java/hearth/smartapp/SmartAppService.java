package hearth.smartapp;

import hearth.HearthProperties;
import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import hearth.engine.SmartAppEngine;
import hearth.engine.api.SmartApp;
import hearth.engine.api.SmartAppCompilationException;
import hearth.server.ServerDirectory;
import hearth.support.Secrets;
import hearth.web.ApiError;
import hearth.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Registering SmartApps, their sources, OAuth clients and secrets. */
@Service
public class SmartAppService {
    /** What the classic platform issued, and what "legacy long-lived" tokens last: 50 years. */
    public static final Duration LEGACY_TOKEN_TTL = Duration.ofSeconds(1_576_800_000L);
    private static final int MAX_SOURCE = 512 * 1024;
    static final Duration EXECUTION_CACHE = Duration.ofSeconds(2);

    private final SmartAppRepository apps;
    private final SmartAppEngine engine;
    private final ServerDirectory servers;
    private final HearthProperties properties;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();
    private final Map<String, Fetched> recent = new ConcurrentHashMap<>();

    public SmartAppService(SmartAppRepository apps, SmartAppEngine engine, ServerDirectory servers,
                           HearthProperties properties, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
        this.apps = apps;
        this.engine = engine;
        this.servers = servers;
        this.properties = properties;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new SmartApp and its client secret, which is shown this once and stored only as a hash. */
    public record Registered(SmartAppRecord app, String clientSecret) {
        @Override
        public String toString() {
            return "Registered[" + app + "]";
        }
    }

    /** What a developer may set; null fields keep their current (or default) value. */
    public record Changes(String source, List<String> redirectUris, List<String> servers, Long accessTokenTtlSeconds,
                          Long refreshTokenTtlSeconds, Boolean legacyTokens, Boolean publicClient) {
    }

    @Transactional
    public Registered register(String ownerId, Changes changes) {
        if (changes.source() == null) {
            throw ApiException.badRequest("source is required: the SmartApp's Groovy code");
        }
        if (changes.redirectUris() == null || changes.redirectUris().isEmpty()) {
            throw ApiException.badRequest("redirectUris must list at least one URI the authorization code may be "
                    + "sent to, e.g. [\"https://example.com/oauth/callback\"]");
        }
        SmartApp compiled = compile(changes.source());
        checkUnique(ownerId, null, compiled);
        Instant now = clock.instant();
        String secret = Secrets.newSecret();
        Duration access = accessTtl(changes, properties.oauth().accessTokenTtl());
        Duration refresh = refreshTtl(changes, properties.oauth().refreshTokenTtl());
        SmartAppRecord app = checked(SmartAppRecord.builder(UUID.randomUUID().toString()).ownerId(ownerId)
                .name(compiled.definition().name()).namespace(compiled.definition().namespace())
                .source(changes.source()).clientId(UUID.randomUUID().toString())
                .clientSecretHash(Secrets.sha256Hex(secret)).redirectUris(changes.redirectUris())
                .servers(checkedServers(changes.servers() == null ? List.of(SmartAppRecord.ALL_SERVERS)
                        : changes.servers()))
                .accessTokenTtl(access).refreshTokenTtl(refresh)
                .publicClient(Boolean.TRUE.equals(changes.publicClient())).createdAt(now).updatedAt(now));
        try {
            apps.insert(app);
        } catch (DuplicateKeyException raced) {
            throw exists(app.name(), app.namespace(), null);
        }
        events.publishEvent(new SmartAppChanged(app));
        // A public client gets no secret: the stored hash is of a value nobody ever sees.
        return new Registered(app, app.publicClient() ? null : secret);
    }

    @Transactional
    public SmartAppRecord update(String ownerId, String id, Changes changes) {
        SmartAppRecord app = owned(ownerId, id);
        String source = changes.source() == null ? app.source() : changes.source();
        SmartApp compiled = compile(source);
        checkUnique(ownerId, id, compiled);
        SmartAppRecord.Builder changed = app.toBuilder().name(compiled.definition().name())
                .namespace(compiled.definition().namespace()).source(source)
                .accessTokenTtl(accessTtl(changes, app.accessTokenTtl()))
                .refreshTokenTtl(refreshTtl(changes, app.refreshTokenTtl())).updatedAt(clock.instant());
        if (changes.redirectUris() != null) {
            changed.redirectUris(changes.redirectUris());
        }
        if (changes.servers() != null) {
            changed.servers(checkedServers(changes.servers()));
        }
        SmartAppRecord updated = checked(changed);
        try {
            apps.update(updated);
        } catch (DuplicateKeyException raced) {
            throw exists(updated.name(), updated.namespace(), null);
        }
        recent.remove(updated.id());
        events.publishEvent(new SmartAppChanged(updated));
        return updated;
    }

    /** A new client secret; the old one stops working at once. */
    @Transactional
    public String rotateSecret(String ownerId, String id) {
        SmartAppRecord app = owned(ownerId, id);
        if (app.publicClient()) {
            throw ApiException.badRequest("a public client has no secret to rotate; revoke its tokens instead");
        }
        String secret = Secrets.newSecret();
        apps.updateSecretHash(app.id(), Secrets.sha256Hex(secret), clock.instant());
        audit.record(ownerId, AuditEvent.Type.SECRET_ROTATED, "client secret of " + app.name() + " rotated");
        return secret;
    }

    /** Revokes every grant and token the SmartApp holds, in every Installation. */
    @Transactional
    public void revokeAllTokens(String ownerId, String id) {
        SmartAppRecord app = owned(ownerId, id);
        events.publishEvent(new SmartAppTokensRevoked(app.id()));
        audit.record(ownerId, AuditEvent.Type.SMARTAPP_TOKENS_REVOKED, "every token of " + app.name() + " revoked");
    }

    /**
     * Deletes the SmartApp: its grants, tokens, codes and device codes go in the same transaction
     * ({@link SmartAppDeleted}); its Installations must be gone already (the caller uninstalled them).
     */
    @Transactional
    public void delete(String ownerId, String id) {
        SmartAppRecord app = owned(ownerId, id);
        events.publishEvent(new SmartAppDeleted(app));
        apps.delete(app.id());
        recent.remove(app.id());
        compiled.remove(app.id());
        audit.record(ownerId, AuditEvent.Type.SMARTAPP_DELETED, "deleted SmartApp " + app.id() + " ("
                + app.namespace() + " / " + app.name() + ")");
    }

    public SmartAppRecord owned(String ownerId, String id) {
        return apps.findById(id).filter(a -> a.ownerId().equals(ownerId))
                .orElseThrow(() -> ApiException.notFound("you have no SmartApp with id " + id));
    }

    public List<SmartAppRecord> ownedBy(String ownerId) {
        return apps.findByOwner(ownerId);
    }

    public Optional<SmartAppRecord> byClientId(String clientId) {
        return clientId == null ? Optional.empty() : apps.findByClientId(clientId);
    }

    /**
     * The registration as an OAuth client, without its source ({@code source()} is null): what a
     * token, introspection or revocation request checks, read without the app's Groovy text.
     */
    public Optional<SmartAppRecord> clientByClientId(String clientId) {
        return clientId == null ? Optional.empty() : apps.findClientByClientId(clientId);
    }

    /** {@link #clientByClientId}, by the SmartApp's id. */
    public Optional<SmartAppRecord> clientById(String id) {
        return apps.findClientById(id);
    }

    public Optional<SmartAppRecord> byId(String id) {
        return apps.findById(id);
    }

    /**
     * The SmartApp for running one of its handlers: read from the database at most every
     * {@link #EXECUTION_CACHE} per app, which is how long a new source may take to reach calls
     * (every call would otherwise fetch the source again).
     */
    public Optional<SmartAppRecord> forExecution(String id) {
        Instant now = clock.instant();
        Fetched fetched = recent.get(id);
        if (fetched != null && now.isBefore(fetched.until())) {
            return Optional.of(fetched.app());
        }
        Optional<SmartAppRecord> app = apps.findById(id);
        app.ifPresentOrElse(a -> recent.put(id, new Fetched(a, now.plus(EXECUTION_CACHE))), () -> recent.remove(id));
        return app;
    }

    private record Fetched(SmartAppRecord app, Instant until) {
    }

    /**
     * The compiled form of a stored SmartApp. Kept per app and version here, so a handler call
     * neither recompiles nor hashes the source again.
     */
    public SmartApp compiled(SmartAppRecord app) {
        if (app.source() == null) {
            throw new IllegalArgumentException("SmartApp " + app.id() + " was read as a client, without its source; "
                    + "read it with byId to run it");
        }
        Compiled cached = compiled.get(app.id());
        if (cached != null && cached.version().equals(app.updatedAt()) && cached.source() == app.source().length()) {
            return cached.app();
        }
        try {
            SmartApp fresh = engine.compile(app.source());
            compiled.put(app.id(), new Compiled(app.updatedAt(), app.source().length(), fresh));
            return fresh;
        } catch (SmartAppCompilationException e) {
            throw new IllegalStateException("stored SmartApp " + app.id() + " no longer compiles: " + e.getMessage(), e);
        }
    }

    private record Compiled(Instant version, int source, SmartApp app) {
    }

    private SmartApp compile(String source) {
        if (source.length() > MAX_SOURCE) {
            throw ApiException.badRequest("source is " + source.length() + " characters; the limit is " + MAX_SOURCE);
        }
        try {
            return engine.compile(source);
        } catch (SmartAppCompilationException e) {
            throw new SourceRejectedException(e);
        }
    }

    /**
     * A developer registers a namespace and name once: users tell apps apart by them. Another
     * developer may use the same pair (the consent page names the registering account too). Checked
     * here to name the twin; the unique index (V12) holds it when two registrations race.
     */
    private void checkUnique(String ownerId, String id, SmartApp compiled) {
        String namespace = compiled.definition().namespace();
        String name = compiled.definition().name();
        apps.findByOwner(ownerId).stream()
                .filter(a -> !a.id().equals(id) && a.name().equals(name) && Objects.equals(a.namespace(), namespace))
                .findFirst().ifPresent(twin -> {
                    throw exists(name, namespace, twin.id());
                });
    }

    private static ApiException exists(String name, String namespace, String twinId) {
        return new ApiException(ApiError.SMARTAPP_EXISTS, "you already have a SmartApp named '" + name
                + "' in namespace '" + namespace + "'" + (twinId == null ? "" : " (id " + twinId + ")")
                + "; change that one, or give this one another name or namespace in definition(...)");
    }

    /** The registration if {@link SmartAppRecord.Builder#build} accepts it; otherwise 400 with what to fix. */
    private static SmartAppRecord checked(SmartAppRecord.Builder registration) {
        try {
            return registration.build();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private List<String> checkedServers(List<String> names) {
        if (names.isEmpty()) {
            throw ApiException.badRequest("servers must name at least one Server, or [\"*\"] for all");
        }
        for (String name : names) {
            if (name == null) {
                throw ApiException.badRequest("servers must not contain null; name each Server, or \"*\" for all");
            }
            if (!name.equals(SmartAppRecord.ALL_SERVERS) && !servers.exists(name)) {
                throw ApiException.badRequest("no Server named '" + name + "'; known Servers: " + servers.names()
                        + ", or \"*\" for all");
            }
        }
        return List.copyOf(names);
    }

    private static Duration accessTtl(Changes changes, Duration fallback) {
        if (Boolean.TRUE.equals(changes.legacyTokens())) {
            return LEGACY_TOKEN_TTL;
        }
        return ttl(changes.accessTokenTtlSeconds(), fallback, "accessTokenTtlSeconds");
    }

    private static Duration refreshTtl(Changes changes, Duration fallback) {
        return ttl(changes.refreshTokenTtlSeconds(), fallback, "refreshTokenTtlSeconds");
    }

    private static Duration ttl(Long seconds, Duration fallback, String field) {
        if (seconds == null) {
            return fallback;
        }
        if (seconds < 60 || seconds > LEGACY_TOKEN_TTL.getSeconds()) {
            throw ApiException.badRequest(field + " must be between 60 and " + LEGACY_TOKEN_TTL.getSeconds());
        }
        return Duration.ofSeconds(seconds);
    }

    /** The source was refused by the engine: answered 400 with each problem and its line. */
    public static class SourceRejectedException extends ApiException {
        private final transient SmartAppCompilationException cause;

        SourceRejectedException(SmartAppCompilationException cause) {
            super(ApiError.INVALID_SOURCE, "the SmartApp source was refused: " + cause.getMessage());
            this.cause = cause;
        }

        public SmartAppCompilationException compilation() {
            return cause;
        }

        /** Each problem with its line and column, for a client to point at. */
        @Override
        public Map<String, Object> details() {
            return Map.of("problems", cause.problems().stream()
                    .map(p -> Map.<String, Object>of("line", p.line(), "column", p.column(), "message", p.message()))
                    .toList());
        }
    }
}
