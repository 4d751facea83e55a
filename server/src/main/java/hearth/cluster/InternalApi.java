package hearth.cluster;

import hearth.location.Location;
import hearth.smartapp.SmartAppRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The messages of the internal API between the global server and its shards. */
public final class InternalApi {
    private InternalApi() {
    }

    /** A SmartApp as a shard needs it to run: everything but the client secret's hash. */
    public record SmartAppSnapshot(String id, String ownerId, String name, String namespace, String source,
                                   String clientId, List<String> redirectUris, List<String> servers,
                                   long accessTokenTtlSeconds, long refreshTokenTtlSeconds, boolean publicClient,
                                   Instant createdAt, Instant updatedAt) {

        public static SmartAppSnapshot of(SmartAppRecord a) {
            return new SmartAppSnapshot(a.id(), a.ownerId(), a.name(), a.namespace(), a.source(), a.clientId(),
                    a.redirectUris(), a.servers(), a.accessTokenTtl().getSeconds(), a.refreshTokenTtl().getSeconds(),
                    a.publicClient(), a.createdAt(), a.updatedAt());
        }

        /** The shard's copy; its secret hash matches no secret, and shards don't authenticate clients. */
        public SmartAppRecord toRecord() {
            return new SmartAppRecord(id, ownerId, name, namespace, source, clientId, "-", redirectUris, servers,
                    Duration.ofSeconds(accessTokenTtlSeconds), Duration.ofSeconds(refreshTokenTtlSeconds),
                    publicClient, createdAt, updatedAt);
        }
    }

    public record NewDevice(String label, List<String> capabilities, Map<String, Object> attributes) {
    }

    /** @param capability whose command runs (a Hearth capability id), or null for the first that has it */
    public record Command(String capability, String command, List<Object> arguments) {
    }

    public record Install(String accountId, SmartAppSnapshot app, Location location,
                          Map<String, List<String>> devices, Map<String, String> values) {
    }

    public record DeviceChoices(Map<String, List<String>> devices) {
    }

    public record Room(String room) {
    }

    public record Hidden(boolean hidden) {
    }

    public record Rename(String label) {
    }

    public record SetAttribute(String name, Object value) {
    }

    public record SetMode(String mode) {
    }

    public record Introspect(String token) {
    }

    /** A token as the global server vouches for it; {@code description} says why when inactive. */
    public record TokenStatus(boolean active, String description, String installationId, String smartAppId,
                              String accountId, Instant expiresAt) {
    }

    public record SelfToken(String smartAppId, String accountId, String locationId, String serverName,
                            String accessToken) {
    }
}
