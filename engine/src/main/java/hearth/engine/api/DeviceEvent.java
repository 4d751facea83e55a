package hearth.engine.api;

import java.time.Instant;
import java.util.Objects;

/** One recorded change of a device attribute, newest first when listed. */
public record DeviceEvent(String id, String deviceId, String name, Object value, String unit, Instant date) {
    public DeviceEvent {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
    }
}
