package hearth.hub;

import hearth.HearthProperties;
import hearth.device.Device;
import hearth.device.LocalDevices;
import hearth.device.LocalDevices.Reading;
import hearth.installation.LocalLocations;
import org.springframework.stereotype.Service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A hub's devices as Hearth devices in its Location: made when discovered, kept when
 * rediscovered (a person's rename stays), gone from the Location and its Installations when the
 * hub no longer lists them, and their reports recorded as device events.
 */
@Service
class HubDevices {
    private final LocalDevices devices;
    private final LocalLocations locations;
    private final int maxDevices;

    HubDevices(LocalDevices devices, LocalLocations locations, HearthProperties properties) {
        this.devices = devices;
        this.locations = locations;
        this.maxDevices = properties.hubs().maxDevices();
    }

    Map<String, String> sync(Hub hub, String protocol, List<HubSink.Discovered> found) {
        Map<String, Device> existing = devices.ofHub(hub.id()).stream()
                .collect(Collectors.toMap(Device::id, Function.identity()));
        Map<String, String> byAddress = new LinkedHashMap<>(devices.hubAddresses(hub.id()));
        java.util.Set<String> removed = devices.removedAddresses(hub.id());
        Map<String, String> out = new LinkedHashMap<>();
        for (HubSink.Discovered d : found) {
            String id = byAddress.get(d.address());
            if (id == null) {
                if (byAddress.size() >= maxDevices || removed.contains(d.address())) {
                    continue;
                }
                id = devices.createForHub(hub.locationId(), hub.id(), d.address(), d.label(), d.typeName(),
                        d.capabilities()).id();
                byAddress.put(d.address(), id);
            } else {
                Device device = existing.get(id);
                if (device != null && (!device.capabilities().equals(d.capabilities())
                        || !device.typeName().equals(d.typeName()))) {
                    devices.updateKind(id, d.capabilities(), d.typeName());
                }
            }
            out.put(d.address(), id);
        }
        String prefix = protocol + ":";
        byAddress.forEach((address, id) -> {
            if (address.startsWith(prefix) && !out.containsKey(address)) {
                leave(hub, address, id); // it left the bridge: it leaves every Installation too
            }
        });
        return out;
    }

    String upsert(Hub hub, HubSink.Discovered d) {
        Map<String, String> byAddress = devices.hubAddresses(hub.id());
        String id = byAddress.get(d.address());
        if (id == null) {
            if (byAddress.size() >= maxDevices || devices.removedAddresses(hub.id()).contains(d.address())) {
                return null;
            }
            return devices.createForHub(hub.locationId(), hub.id(), d.address(), d.label(), d.typeName(),
                    d.capabilities()).id();
        }
        devices.byId(id).ifPresent(device -> {
            if (!device.capabilities().equals(d.capabilities()) || !device.typeName().equals(d.typeName())) {
                devices.updateKind(id, d.capabilities(), d.typeName());
            }
        });
        return id;
    }

    /** The protocol says the device left: it goes, and may come back when it is paired again. */
    void remove(Hub hub, String address) {
        String id = devices.hubAddresses(hub.id()).get(address);
        if (id != null) {
            leave(hub, address, id);
        } else {
            devices.forgetRemoved(hub.id(), address);
        }
    }

    private void leave(Hub hub, String address, String id) {
        locations.deleteDevice(id);
        devices.forgetRemoved(hub.id(), address);
    }

    /** The bridge renamed it: the label follows unless someone gave the device another. */
    void renamed(Hub hub, String address, String from, String to) {
        String id = devices.hubAddresses(hub.id()).get(address);
        if (id != null) {
            devices.byId(id).filter(d -> d.label().equals(from)).ifPresent(d -> devices.rename(id, to));
        }
    }

    void report(String deviceId, Map<String, Reading> readings) {
        devices.byId(deviceId).ifPresent(device -> devices.report(device, readings));
    }

    int count(String hubId) {
        return devices.hubAddresses(hubId).size();
    }

    /** Every device of the hub leaves its Installations and goes. */
    void deleteAll(String hubId) {
        for (String id : devices.hubAddresses(hubId).values()) {
            locations.deleteDevice(id);
        }
        devices.forgetRemoved(hubId, null);
    }
}
