package hearth.hub;

import java.time.Instant;

/**
 * A hub as its owner sees it: never its password, only whether it has one.
 *
 * @param status    {@code connecting}, {@code online} or {@code offline}
 * @param lastError why it is offline (the broker's or the network's words), or null
 * @param zigbee2mqtt what zigbee2mqtt's {@code <base>/bridge/state} last said: {@code online},
 *                    {@code offline}, or null before it said anything
 */
public record HubInfo(String id, String locationId, String name, String url, String username, boolean hasPassword,
                      String zigbee2mqttBaseTopic, String discoveryPrefix, boolean tasmotaDiscovery, String status,
                      String lastError, int deviceCount, Instant createdAt, String mqttVersion,
                      String zigbee2mqtt) {
}
