package hearth.engine.api;

import java.util.Objects;

/**
 * One of the Location's real hubs (Hearth's connections to an MQTT broker), for classic
 * {@code location.hubs} and {@code device.hub}.
 *
 * @param online whether its connection is up now (classic {@code status} "ACTIVE", else "INACTIVE")
 */
public record HubSnapshot(String id, String name, boolean online) {
    public HubSnapshot {
        Objects.requireNonNull(id, "id");
    }
}
