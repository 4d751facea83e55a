package hearth.modern;

import hearth.oauth.Scopes;
import hearth.device.Device;
import hearth.device.global.DeviceService;
import hearth.engine.api.AttributeState;
import hearth.location.Location;
import hearth.location.global.LocationService;
import hearth.web.ApiException;
import hearth.web.ServerUnavailableException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rules of the modern API, with no servlet types: what a token reaches ({@link Reach}), the
 * scope each call needs (a missing one is 403 naming it), ids outside the token's reach answered
 * 404 whether they exist or not, and commands carried out through the same device command path
 * as the installation API and the management API, so subscribed SmartApps hear of them.
 */
@Service
public class SmartThingsApi {
    /** At most this many commands in one {@code POST /devices/{id}/commands}. */
    static final int MAX_COMMANDS = 10;
    static final String MAIN = "main";

    private final LocationService locations;
    private final DeviceService devices;

    public SmartThingsApi(LocationService locations, DeviceService devices) {
        this.locations = locations;
        this.devices = devices;
    }

    /** A command as the client sent it; {@code component} null means {@code main}. */
    public record Command(String component, String capability, String command, List<Object> arguments) {
    }

    /** One page of devices; {@code next} is the query of the next page, null on the last. */
    public record DevicePage(List<Map<String, Object>> items, String next) {
    }

    public List<Map<String, Object>> locations(Reach reach) {
        requireLocations(reach);
        return reachable(reach).stream().map(SmartThingsViews::locationItem).toList();
    }

    public Map<String, Object> location(Reach reach, String locationId) {
        requireLocations(reach);
        return SmartThingsViews.location(reachableLocation(reach, locationId));
    }

    /** The rooms of the Location: those its devices are in (a room is a device's room's name), by name. */
    public List<Map<String, Object>> rooms(Reach reach, String locationId) {
        requireLocations(reach);
        Location location = reachableLocation(reach, locationId);
        return guarded(() -> devices.inLocation(reach.accountId(), location.id())).stream().map(Device::room)
                .filter(room -> room != null).distinct().sorted()
                .map(room -> SmartThingsViews.room(location.id(), room)).toList();
    }

    public DevicePage devices(Reach reach, DeviceQuery query) {
        if (!reach.scopes().readsAnyDevice()) {
            throw missing(Scopes.READ_DEVICES, "this token may read no device");
        }
        List<Device> matching = new ArrayList<>();
        for (Location location : reachable(reach)) {
            if (!query.locationIds().isEmpty() && !query.locationIds().contains(location.id())) {
                continue;
            }
            for (Device device : guarded(() -> devices.inLocation(reach.accountId(), location.id()))) {
                if (reach.scopes().reads(device.id()) && matches(device, query)) {
                    matching.add(device);
                }
            }
        }
        long from = (long) query.page() * query.max();
        List<Map<String, Object>> items = matching.stream().skip(from).limit(query.max())
                .map(d -> SmartThingsViews.device(d, reach.accountId())).toList();
        boolean more = from + query.max() < matching.size();
        return new DevicePage(items, more ? query.nextQuery() : null);
    }

    public Map<String, Object> device(Reach reach, String deviceId) {
        return SmartThingsViews.device(readable(reach, deviceId), reach.accountId());
    }

    public Map<String, Object> status(Reach reach, String deviceId) {
        Device device = readable(reach, deviceId);
        Map<String, Object> capabilities = new LinkedHashMap<>();
        for (CapabilityNames.Modern capability : CapabilityNames.of(device)) {
            capabilities.put(capability.id(), SmartThingsViews.capabilityStatus(device, capability));
        }
        return Map.of("components", Map.of(MAIN, capabilities));
    }

    public Map<String, Object> capabilityStatus(Reach reach, String deviceId, String component, String capabilityId) {
        Device device = readable(reach, deviceId);
        checkComponent(device, component, "component");
        CapabilityNames.Modern capability = CapabilityNames.find(device, capabilityId).orElseThrow(() ->
                new ModernException(ModernError.notFound(CapabilityNames.unknown(device, capabilityId))));
        return SmartThingsViews.capabilityStatus(device, capability);
    }

    public Map<String, Object> health(Reach reach, String deviceId) {
        Device device = readable(reach, deviceId);
        Instant last = device.attributes().values().stream().map(AttributeState::date)
                .filter(d -> d != null).max(Comparator.naturalOrder()).orElse(device.createdAt());
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("deviceId", device.id());
        AttributeState status = device.attributes().get("healthStatus"); // a hub's device says (healthCheck)
        health.put("state", status != null && "offline".equals(String.valueOf(status.value())) ? "OFFLINE" : "ONLINE");
        health.put("lastUpdatedDate", SmartThingsViews.time(last));
        return health;
    }

    /**
     * Checks every command first (component, capability, command), then runs them in order; each
     * answers {@code ACCEPTED} once its events are recorded and handed to subscribers.
     */
    public List<Map<String, Object>> execute(Reach reach, String deviceId, List<Command> commands) {
        Device device = reachableDevice(reach, deviceId);
        if (!reach.scopes().executes(deviceId)) {
            throw missing(Scopes.executeDevice(deviceId), "this token may not command device " + deviceId
                    + "; it needs the scope " + Scopes.executeDevice(deviceId) + " (or " + Scopes.EXECUTE_DEVICES
                    + ")");
        }
        if (commands == null || commands.isEmpty() || commands.size() > MAX_COMMANDS) {
            throw new ModernException(ModernError.unprocessable("commands", "send 1 to " + MAX_COMMANDS
                    + " commands, e.g. {\"commands\":[{\"component\":\"main\",\"capability\":\"switch\","
                    + "\"command\":\"on\",\"arguments\":[]}]}"));
        }
        List<HearthCommand> hearthCommands = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            hearthCommands.add(checked(device, commands.get(i), "commands[" + i + "]"));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            List<Object> arguments = commands.get(i).arguments() == null ? List.of() : commands.get(i).arguments();
            HearthCommand command = hearthCommands.get(i);
            try {
                guarded(() -> devices.commandAsOwner(reach.accountId(), deviceId, command.capability(),
                        command.command(), arguments));
            } catch (ModernException e) {
                if (e.error().status() == 422) {
                    throw new ModernException(ModernError.unprocessable("commands[" + i + "].arguments",
                            e.error().details().get(0).message()));
                }
                throw e;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("id", UUID.randomUUID().toString());
            result.put("status", "ACCEPTED");
            results.add(result);
        }
        return results;
    }

    /** A checked command in Hearth's terms: the capability (its id) whose command of that name runs. */
    private record HearthCommand(String capability, String command) {
    }

    private static HearthCommand checked(Device device, Command command, String target) {
        if (command == null) {
            throw new ModernException(ModernError.unprocessable(target, "a command is an object with capability "
                    + "and command"));
        }
        checkComponent(device, command.component() == null ? MAIN : command.component(), target + ".component");
        if (command.capability() == null || command.capability().isBlank()) {
            throw new ModernException(ModernError.unprocessable(target + ".capability", "capability is required; "
                    + "this device's capabilities: " + CapabilityNames.ids(device)));
        }
        CapabilityNames.Modern capability = CapabilityNames.find(device, command.capability()).orElseThrow(() ->
                new ModernException(ModernError.unprocessable(target + ".capability",
                        CapabilityNames.unknown(device, command.capability()))));
        List<String> commands = List.copyOf(capability.commands().keySet());
        if (command.command() == null || command.command().isBlank()) {
            throw new ModernException(ModernError.unprocessable(target + ".command", "command is required; "
                    + "capability '" + capability.id() + "' has the commands " + commands));
        }
        if (!capability.commands().containsKey(command.command())) {
            String elsewhere = CapabilityNames.withCommand(device, command.command())
                    .map(owner -> "; '" + command.command() + "' is a command of capability '" + owner.id()
                            + "': send \"capability\":\"" + owner.id() + "\"").orElse("");
            throw new ModernException(ModernError.unprocessable(target + ".command", "capability '"
                    + capability.id() + "' has no command '" + command.command() + "'; its commands: " + commands
                    + elsewhere));
        }
        return new HearthCommand(capability.hearth(), capability.commands().get(command.command()));
    }

    private static void checkComponent(Device device, String component, String target) {
        if (!MAIN.equals(component)) {
            throw new ModernException(ModernError.notFound("device " + device.id() + " has no component '"
                    + component + "' (" + target + "); Hearth's devices have one, 'main'"));
        }
    }

    private static boolean matches(Device device, DeviceQuery query) {
        if (!query.deviceIds().isEmpty() && !query.deviceIds().contains(device.id())) {
            return false;
        }
        if (query.capabilities().isEmpty()) {
            return true;
        }
        List<String> has = CapabilityNames.ids(device);
        return query.anyCapability() ? query.capabilities().stream().anyMatch(has::contains)
                : has.containsAll(query.capabilities());
    }

    private void requireLocations(Reach reach) {
        if (!reach.scopes().readsLocations()) {
            throw missing(Scopes.READ_LOCATIONS, "this token may not read Locations; it needs the scope "
                    + Scopes.READ_LOCATIONS);
        }
    }

    private List<Location> reachable(Reach reach) {
        return locations.ownedBy(reach.accountId()).stream().filter(l -> reach.reachesLocation(l.id())).toList();
    }

    private Location reachableLocation(Reach reach, String locationId) {
        return reachable(reach).stream().filter(l -> l.id().equals(locationId)).findFirst()
                .orElseThrow(() -> new ModernException(ModernError.notFound("no Location with id " + locationId
                        + " that this token reaches")));
    }

    private Device readable(Reach reach, String deviceId) {
        Device device = reachableDevice(reach, deviceId);
        if (!reach.scopes().reads(deviceId)) {
            throw missing(Scopes.readDevice(deviceId), "this token may not read device " + deviceId
                    + "; it needs the scope " + Scopes.readDevice(deviceId) + " (or " + Scopes.READ_DEVICES + ")");
        }
        return device;
    }

    /** The device if it is the account's and in a Location the token reaches; otherwise 404, existing or not. */
    private Device reachableDevice(Reach reach, String deviceId) {
        Device device;
        try {
            device = guarded(() -> devices.owned(reach.accountId(), deviceId));
        } catch (ModernException e) {
            if (e.error().status() == 404) {
                throw notReached(deviceId);
            }
            throw e;
        }
        if (!reach.reachesLocation(device.locationId())) {
            throw notReached(deviceId);
        }
        return device;
    }

    private static ModernException notReached(String deviceId) {
        return new ModernException(ModernError.notFound("no device with id " + deviceId + " that this token "
                + "reaches"));
    }

    private static ModernException missing(String scope, String message) {
        return new ModernException(ModernError.insufficientScope(scope, message));
    }

    /** Runs work of the layers below, answering their refusals in this API's own form. */
    private static <T> T guarded(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiException e) {
            String message = e.getMessage();
            throw new ModernException(switch (e.status().value()) {
                case 404 -> ModernError.notFound(message);
                case 400 -> ModernError.unprocessable("request", message);
                default -> new ModernError(e.status().value(), "ConstraintViolationError", message, List.of(),
                        Map.of());
            });
        } catch (ServerUnavailableException e) {
            throw new ModernException(ModernError.unavailable(e.getMessage()));
        }
    }
}
