package hearth.engine.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One chosen device as it was when the call began. The host only puts devices the user chose for
 * the Installation into its {@link InstallationSnapshot}, so being in it is the permission to use it.
 *
 * @param label         the user's label; classic {@code displayName} falls back to {@code name} when blank
 * @param name          the device's name (its type's default name for virtual devices)
 * @param typeName      the device type's name, e.g. "Virtual Switch"
 * @param capabilities  capability ids in camelCase, e.g. {@code ["switch", "switchLevel"]}
 * @param currentStates current values by attribute name
 * @param hubId         the real hub it came from ({@link HubSnapshot#id()}), or null for a virtual device
 */
public record DeviceSnapshot(String id, String label, String name, String typeName, List<String> capabilities,
                             Map<String, AttributeState> currentStates, String hubId) {
    public DeviceSnapshot {
        Objects.requireNonNull(id, "id");
        capabilities = List.copyOf(capabilities);
        currentStates = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(currentStates));
    }

    /** A virtual device (no hub). */
    public DeviceSnapshot(String id, String label, String name, String typeName, List<String> capabilities,
                          Map<String, AttributeState> currentStates) {
        this(id, label, name, typeName, capabilities, currentStates, null);
    }
}
