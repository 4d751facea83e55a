package hearth.smartapp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A registered SmartApp: its source, OAuth client and publication. The client secret exists
 * here only as its hash. New and changed registrations are made by {@link #builder} and
 * {@link #toBuilder}, whose {@link Builder#build} checks them as Spring Authorization Server's
 * {@code RegisteredClient} does; the constructor only copies (rows read back were checked when written).
 *
 * @param servers      the Server names it is published to, or {@code ["*"]} for all
 * @param publicClient a client that can't keep a secret (a native or browser app): it has none,
 *                     and must use PKCE (RFC 9700 §2.1.1)
 */
public record SmartAppRecord(String id, String ownerId, String name, String namespace, String source,
                             String clientId, String clientSecretHash, List<String> redirectUris,
                             List<String> servers, Duration accessTokenTtl, Duration refreshTokenTtl,
                             boolean publicClient, Instant createdAt, Instant updatedAt) {
    public static final String ALL_SERVERS = "*";

    public SmartAppRecord {
        redirectUris = List.copyOf(redirectUris);
        servers = List.copyOf(servers);
    }

    public boolean publishedTo(String serverName) {
        return servers.contains(ALL_SERVERS) || servers.contains(serverName);
    }

    public static Builder builder(String id) {
        return new Builder().id(id);
    }

    /** A builder holding this registration, to change some of it. */
    public Builder toBuilder() {
        return new Builder().id(id).ownerId(ownerId).name(name).namespace(namespace).source(source)
                .clientId(clientId).clientSecretHash(clientSecretHash).redirectUris(redirectUris).servers(servers)
                .accessTokenTtl(accessTokenTtl).refreshTokenTtl(refreshTokenTtl).publicClient(publicClient)
                .createdAt(createdAt).updatedAt(updatedAt);
    }

    @Override
    public String toString() {
        return "SmartApp[" + id + ", " + name + ", client " + clientId + "]";
    }

    public static final class Builder {
        private String id;
        private String ownerId;
        private String name;
        private String namespace;
        private String source;
        private String clientId;
        private String clientSecretHash;
        private List<String> redirectUris = List.of();
        private List<String> servers = List.of(ALL_SERVERS);
        private Duration accessTokenTtl;
        private Duration refreshTokenTtl;
        private boolean publicClient;
        private Instant createdAt;
        private Instant updatedAt;

        private Builder() {
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder ownerId(String ownerId) {
            this.ownerId = ownerId;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder source(String source) {
            this.source = source;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder clientSecretHash(String clientSecretHash) {
            this.clientSecretHash = clientSecretHash;
            return this;
        }

        public Builder redirectUris(List<String> redirectUris) {
            this.redirectUris = redirectUris;
            return this;
        }

        public Builder servers(List<String> servers) {
            this.servers = servers;
            return this;
        }

        public Builder accessTokenTtl(Duration accessTokenTtl) {
            this.accessTokenTtl = accessTokenTtl;
            return this;
        }

        public Builder refreshTokenTtl(Duration refreshTokenTtl) {
            this.refreshTokenTtl = refreshTokenTtl;
            return this;
        }

        public Builder publicClient(boolean publicClient) {
            this.publicClient = publicClient;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * The registration, once it holds: the code grant needs at least one redirect URI, each
         * one absolute, without a fragment and https unless loopback ({@link RedirectUris#problem}).
         *
         * @throws IllegalArgumentException saying what to fix
         */
        public SmartAppRecord build() {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecretHash, "clientSecretHash");
            if (redirectUris == null || redirectUris.isEmpty()) {
                throw new IllegalArgumentException("redirectUris must list at least one URI the authorization "
                        + "code may be sent to, e.g. [\"https://example.com/oauth/callback\"]");
            }
            for (String uri : redirectUris) {
                RedirectUris.problem(uri).ifPresent(problem -> {
                    throw new IllegalArgumentException(problem);
                });
            }
            if (servers == null || servers.isEmpty()) {
                throw new IllegalArgumentException("servers must name at least one Server, or [\"*\"] for all");
            }
            return new SmartAppRecord(id, ownerId, name, namespace, source, clientId, clientSecretHash, redirectUris,
                    servers, accessTokenTtl, refreshTokenTtl, publicClient, createdAt, updatedAt);
        }
    }
}
