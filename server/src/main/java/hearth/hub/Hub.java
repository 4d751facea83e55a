package hearth.hub;

import java.time.Instant;

/**
 * A Location's connection to an MQTT broker. {@code sealedPassword} is the broker password sealed
 * by {@link HubSecrets}; it never leaves this package in clear and never prints.
 *
 * @param url                {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param baseTopic          zigbee2mqtt's base topic
 * @param discoveryPrefix    Home Assistant discovery's prefix
 * @param tasmotaDiscovery   whether Tasmota's own discovery is read
 * @param mqttVersion        {@code "5"} or {@code "3.1.1"} ({@link MqttLink#VERSIONS})
 */
public record Hub(String id, String locationId, String name, String url, String username, String sealedPassword,
                  String baseTopic, String discoveryPrefix, boolean tasmotaDiscovery, Instant createdAt,
                  String mqttVersion) {

    public boolean hasPassword() {
        return sealedPassword != null;
    }

    /** What a connection depends on: a change here means connecting again. */
    boolean sameConnection(Hub other) {
        return url.equals(other.url) && java.util.Objects.equals(username, other.username)
                && java.util.Objects.equals(sealedPassword, other.sealedPassword) && baseTopic.equals(other.baseTopic)
                && discoveryPrefix.equals(other.discoveryPrefix) && tasmotaDiscovery == other.tasmotaDiscovery
                && mqttVersion.equals(other.mqttVersion);
    }

    @Override
    public String toString() {
        return "Hub[id=" + id + ", locationId=" + locationId + ", url=" + url + ", mqtt=" + mqttVersion + ", password="
                + (hasPassword() ? "(set)" : "none") + "]";
    }
}
