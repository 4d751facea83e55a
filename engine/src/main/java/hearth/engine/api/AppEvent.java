package hearth.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The event a subscription handler receives as {@code evt}: a device attribute change
 * ({@code deviceId} set) or a location event such as a mode change ({@code deviceId} null).
 */
public record AppEvent(String name, Object value, String unit, String deviceId, String displayName, Instant date,
                       String descriptionText) {
    public AppEvent {
        Objects.requireNonNull(name, "name");
        date = date == null ? Instant.now() : date;
    }

    public static AppEvent of(DeviceEvent e, String displayName) {
        return new AppEvent(e.name(), e.value(), e.unit(), e.deviceId(), displayName, e.date(), null);
    }
}
