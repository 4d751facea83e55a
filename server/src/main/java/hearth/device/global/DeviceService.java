package hearth.device.global;

import hearth.cluster.Shards;
import hearth.device.Device;
import hearth.engine.api.DeviceEvent;
import hearth.location.Location;
import hearth.location.global.LocationService;
import hearth.web.ApiException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Devices as an Account reaches them (management API, console, demo): ownership is checked
 * against the global Location directory, and the work goes to the Server hosting the Location.
 */
@Service
public class DeviceService {
    private final LocationService locations;
    private final Shards shards;

    public DeviceService(LocationService locations, Shards shards) {
        this.locations = locations;
        this.shards = shards;
    }

    public Device create(String ownerId, String locationId, String label, List<String> capabilities,
                         Map<String, Object> attributes) {
        Location location = locations.owned(ownerId, locationId);
        return shards.of(location.serverName()).createDevice(location.id(), label, capabilities, attributes);
    }

    public List<Device> inLocation(String ownerId, String locationId) {
        Location location = locations.owned(ownerId, locationId);
        return shards.of(location.serverName()).devices(location.id());
    }

    public Device owned(String ownerId, String deviceId) {
        return find(ownerId, deviceId).device();
    }

    public Device commandAsOwner(String ownerId, String deviceId, String command, List<Object> arguments) {
        return commandAsOwner(ownerId, deviceId, null, command, arguments);
    }

    /** The command of that capability (a Hearth capability id), when two of the device's have one of that name. */
    public Device commandAsOwner(String ownerId, String deviceId, String capability, String command,
                                 List<Object> arguments) {
        Found found = find(ownerId, deviceId);
        return shards.of(found.location().serverName()).command(deviceId, capability, command, arguments);
    }

    public List<DeviceEvent> events(String ownerId, String deviceId, int max) {
        return events(ownerId, deviceId, null, max);
    }

    /** The device's latest events, newest first: at most {@code limit}, none from before {@code since} (if set). */
    public List<DeviceEvent> events(String ownerId, String deviceId, Instant since, int limit) {
        Found found = find(ownerId, deviceId);
        return shards.of(found.location().serverName()).events(deviceId, since, limit);
    }

    /** The latest {@code perDevice} events of each device of the account's Location, by device id. */
    public Map<String, List<DeviceEvent>> recentEvents(String ownerId, String locationId, int perDevice) {
        Location location = locations.owned(ownerId, locationId);
        return shards.of(location.serverName()).recentEvents(location.id(), perDevice);
    }

    public Device setAttribute(String ownerId, String deviceId, String name, Object value) {
        Found found = find(ownerId, deviceId);
        return shards.of(found.location().serverName()).setAttribute(deviceId, name, value);
    }

    public Device place(String ownerId, String deviceId, String room) {
        Found found = find(ownerId, deviceId);
        return shards.of(found.location().serverName()).placeDevice(deviceId, room);
    }

    public Device rename(String ownerId, String deviceId, String label) {
        Found found = find(ownerId, deviceId);
        return shards.of(found.location().serverName()).renameDevice(deviceId, label);
    }

    public Device setHidden(String ownerId, String deviceId, boolean hidden) {
        Found found = find(ownerId, deviceId);
        return shards.of(found.location().serverName()).setDeviceHidden(deviceId, hidden);
    }

    /** Deletes the device; Installations that had it chosen lose it (they are not told: it just disappears). */
    public Device delete(String ownerId, String deviceId) {
        Found found = find(ownerId, deviceId);
        shards.of(found.location().serverName()).deleteDevice(deviceId);
        return found.device();
    }

    /** The Location the device is in, if the account owns it. */
    public Location locationOf(String ownerId, String deviceId) {
        return find(ownerId, deviceId).location();
    }

    private record Found(Device device, Location location) {
    }

    /** Device ids don't say where they live: ask each Server that hosts one of the account's Locations. */
    private Found find(String ownerId, String deviceId) {
        Map<String, Location> owned = locations.ownedBy(ownerId).stream()
                .collect(Collectors.toMap(Location::id, Function.identity()));
        for (String server : owned.values().stream().map(Location::serverName).distinct().toList()) {
            Optional<Device> device = shards.of(server).device(deviceId);
            if (device.isPresent() && owned.containsKey(device.get().locationId())) {
                return new Found(device.get(), owned.get(device.get().locationId()));
            }
        }
        throw ApiException.notFound("you have no device with id " + deviceId);
    }
}
