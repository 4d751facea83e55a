package hearth.engine.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one call of an Installation's SmartApp sees, read by the host before the call: the
 * Installation, its Location (with its mode), its settings, the devices chosen for each input with
 * their current attributes, and its {@code state}. The engine reads nothing else from the host while
 * the call runs, except through {@link CallPorts}; what the call changes comes back as
 * {@link CallEffects}. So a device command's effect is seen by the next call, as on the classic
 * platform, not by the one that sent it.
 *
 * @param settings     values of the non-device inputs: String, Number, Boolean, or a List of those
 * @param devices      the chosen devices by input name, in the order chosen (inputs of dynamic pages too)
 * @param state        the stored {@code state} JSON object, or null when nothing was stored yet
 * @param apiServerUrl the public base URL of the Server that hosts the Installation, without a
 *                     trailing slash, e.g. {@code https://eu01.example.com}
 */
public record InstallationSnapshot(String installationId, String smartAppId, String label, LocationInfo location,
                                   Map<String, Object> settings, Map<String, List<DeviceSnapshot>> devices,
                                   String state, String apiServerUrl) {
    public InstallationSnapshot {
        Objects.requireNonNull(installationId, "installationId");
        settings = settings == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        Map<String, List<DeviceSnapshot>> copy = new LinkedHashMap<>();
        if (devices != null) {
            devices.forEach((input, list) -> copy.put(input, List.copyOf(list)));
        }
        devices = java.util.Collections.unmodifiableMap(copy);
        apiServerUrl = apiServerUrl == null ? "" : apiServerUrl;
    }

    /** The devices chosen for an input, in the order chosen; empty when none or no such input. */
    public List<DeviceSnapshot> devices(String input) {
        return devices.getOrDefault(input, List.of());
    }
}
