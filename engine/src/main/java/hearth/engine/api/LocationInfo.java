package hearth.engine.api;

import java.util.List;
import java.util.Objects;

/** The Location an Installation lives in, as {@code location} in a SmartApp. */
public record LocationInfo(String id, String name, String timeZone, String mode, List<String> modes,
                           String temperatureScale) {
    public LocationInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        modes = List.copyOf(modes);
    }
}
