package hearth.installation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A SmartApp installed in one Location by one Account.
 *
 * @param settings values of the non-device inputs
 * @param devices  device ids chosen per device input, in the order chosen
 */
public record Installation(String id, String smartAppId, String locationId, String accountId, String label,
                           Map<String, Object> settings, Map<String, List<String>> devices, Instant createdAt,
                           Instant lastUsedAt) {
    public Installation {
        settings = Map.copyOf(settings);
        devices = Map.copyOf(devices);
    }

    public List<String> allDeviceIds() {
        return devices.values().stream().flatMap(List::stream).distinct().toList();
    }
}
