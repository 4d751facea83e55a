package hearth.hub;

import hearth.web.ApiException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The hubs of the Locations this Server hosts: added, changed and removed by their owner (callers
 * have checked ownership), each with its running connection ({@link HubConnections}).
 */
@Service
public class LocalHubs {
    private final HubRepository hubs;
    private final HubConnections connections;
    private final HubDevices devices;
    private final HubSecrets secrets;
    private final HubAddresses addresses;
    private final Clock clock;

    LocalHubs(HubRepository hubs, HubConnections connections, HubDevices devices, HubSecrets secrets,
              HubAddresses addresses, Clock clock) {
        this.hubs = hubs;
        this.connections = connections;
        this.devices = devices;
        this.secrets = secrets;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** @throws HubException (400) naming what to fix, {@code hearth.hubs.allow} for a refused address */
    public HubInfo create(String locationId, HubRequest request) {
        String id = UUID.randomUUID().toString();
        String url = checkedUrl(request.url());
        String username = blankToNull(checkedText("username", request.username(), 200));
        String password = request.password() == null || request.password().isEmpty() ? null
                : checkedText("password", request.password(), 500);
        Hub hub = new Hub(id, locationId, checkedName(request.name() == null ? "Hub" : request.name()), url, username,
                password == null ? null : secrets.seal(id, password),
                checkedTopic("zigbee2mqttBaseTopic", request.zigbee2mqttBaseTopic(), "zigbee2mqtt"),
                checkedTopic("discoveryPrefix", request.discoveryPrefix(), "homeassistant"),
                request.tasmotaDiscovery() == null || request.tasmotaDiscovery(), clock.instant(),
                checkedVersion(request.mqttVersion() == null ? "5" : request.mqttVersion()));
        hubs.insert(hub);
        connections.changed(hub);
        return info(hub);
    }

    public Optional<HubInfo> get(String hubId) {
        return hubs.findById(hubId).map(this::info);
    }

    public List<HubInfo> ofLocation(String locationId) {
        return hubs.findByLocation(locationId).stream().map(this::info).toList();
    }

    public HubInfo update(String hubId, HubRequest request) {
        Hub hub = hubs.findById(hubId).orElseThrow(() -> ApiException.notFound("no hub " + hubId + " here"));
        String sealed = hub.sealedPassword();
        if (request.password() != null) {
            sealed = request.password().isEmpty() ? null
                    : secrets.seal(hub.id(), checkedText("password", request.password(), 500));
        }
        Hub changed = new Hub(hub.id(), hub.locationId(),
                request.name() == null ? hub.name() : checkedName(request.name()),
                request.url() == null ? hub.url() : checkedUrl(request.url()),
                request.username() == null ? hub.username()
                        : blankToNull(checkedText("username", request.username(), 200)),
                sealed,
                request.zigbee2mqttBaseTopic() == null ? hub.baseTopic()
                        : checkedTopic("zigbee2mqttBaseTopic", request.zigbee2mqttBaseTopic(), null),
                request.discoveryPrefix() == null ? hub.discoveryPrefix()
                        : checkedTopic("discoveryPrefix", request.discoveryPrefix(), null),
                request.tasmotaDiscovery() == null ? hub.tasmotaDiscovery() : request.tasmotaDiscovery(),
                hub.createdAt(), request.mqttVersion() == null ? hub.mqttVersion() : checkedVersion(request.mqttVersion()));
        hubs.update(changed);
        if (!changed.sameConnection(hub)) {
            connections.changed(changed);
        }
        return info(changed);
    }

    /** Disconnects, then its devices leave the Location and every Installation, then the hub goes. */
    public void delete(String hubId) {
        Hub hub = hubs.findById(hubId).orElseThrow(() -> ApiException.notFound("no hub " + hubId + " here"));
        connections.disconnect(hub.id());
        devices.deleteAll(hub.id());
        hubs.delete(hub.id());
    }

    /** The Location is going: its hubs go first. */
    public void deleteLocation(String locationId) {
        for (Hub hub : hubs.findByLocation(locationId)) {
            delete(hub.id());
        }
    }

    private HubInfo info(Hub hub) {
        HubRepository.Reported seen = connections.seen(hub.id());
        return new HubInfo(hub.id(), hub.locationId(), hub.name(), hub.url(), hub.username(), hub.hasPassword(),
                hub.baseTopic(), hub.discoveryPrefix(), hub.tasmotaDiscovery(), seen.status(), seen.lastError(),
                devices.count(hub.id()), hub.createdAt(), hub.mqttVersion(), seen.zigbee2mqtt());
    }

    private String checkedUrl(String url) {
        addresses.check(url);
        return url.trim();
    }

    private static String checkedVersion(String version) {
        if (!MqttLink.VERSIONS.contains(version.trim())) {
            throw new HubException("mqttVersion must be one of " + MqttLink.VERSIONS + " (the broker's MQTT version)");
        }
        return version.trim();
    }

    private static String checkedName(String name) {
        if (name.isBlank() || name.length() > 200) {
            throw new HubException("name must be 1 to 200 characters");
        }
        return name.trim();
    }

    private static String checkedText(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max || value.indexOf('\0') >= 0) {
            throw new HubException(field + " must be at most " + max + " characters");
        }
        return value;
    }

    /** A base topic: levels without wildcards, no empty level at the ends. */
    private static String checkedTopic(String field, String value, String fallback) {
        if (value == null || (fallback != null && value.isBlank())) {
            return fallback;
        }
        String v = value.trim();
        if (v.isEmpty() || v.length() > 200 || v.contains("+") || v.contains("#") || v.startsWith("/")
                || v.endsWith("/") || v.startsWith("$") || v.codePoints().anyMatch(Character::isISOControl)) {
            throw new HubException(field + " must be an MQTT topic without wildcards (+, #), without a leading or "
                    + "trailing /, at most 200 characters, e.g. \"zigbee2mqtt\"");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
