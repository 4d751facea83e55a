package hearth.modern;

import hearth.device.Device;
import hearth.engine.capability.Capabilities;
import hearth.engine.capability.Capability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table between the modern API's capabilities and Hearth's (the classic ones): most keep
 * their id, attributes and commands ({@code switch}, {@code switchLevel}, {@code colorTemperature},
 * …); the classic {@code thermostat} and {@code musicPlayer} became several modern capabilities,
 * some with other attribute and command names; {@code actuator} and {@code sensor} are gone.
 */
final class CapabilityNames {
    /** One modern capability of a device: its id, and its attribute and command names, modern to Hearth's. */
    record Modern(String id, String hearth, Map<String, String> attributes, Map<String, String> commands) {
    }

    private static final Set<String> DROPPED = Set.of("actuator", "sensor");
    private static final Map<String, List<Modern>> RENAMED = Map.of(
            "thermostat", List.of(
                    modern("thermostatMode", "thermostat", "thermostatMode", "thermostatMode",
                            "setThermostatMode", "setThermostatMode", "off", "off", "heat", "heat", "cool", "cool",
                            "auto", "auto", "emergencyHeat", "emergencyHeat"),
                    modern("thermostatHeatingSetpoint", "thermostat", "heatingSetpoint", "heatingSetpoint",
                            "setHeatingSetpoint", "setHeatingSetpoint"),
                    modern("thermostatCoolingSetpoint", "thermostat", "coolingSetpoint", "coolingSetpoint",
                            "setCoolingSetpoint", "setCoolingSetpoint"),
                    modern("thermostatFanMode", "thermostat", "thermostatFanMode", "thermostatFanMode",
                            "setThermostatFanMode", "setThermostatFanMode", "fanOn", "fanOn", "fanAuto", "fanAuto",
                            "fanCirculate", "fanCirculate"),
                    modern("thermostatOperatingState", "thermostat", "thermostatOperatingState",
                            "thermostatOperatingState"),
                    modern("temperatureMeasurement", "thermostat", "temperature", "temperature")),
            "musicPlayer", List.of(
                    modern("mediaPlayback", "musicPlayer", "playbackStatus", "status",
                            "play", "play", "pause", "pause", "stop", "stop"),
                    modern("audioVolume", "musicPlayer", "volume", "level", "setVolume", "setLevel"),
                    modern("audioMute", "musicPlayer", "mute", "mute", "mute", "mute", "unmute", "unmute"),
                    new Modern("mediaTrackControl", "musicPlayer", Map.of(),
                            ordered("nextTrack", "nextTrack", "previousTrack", "previousTrack"))));

    private CapabilityNames() {
    }

    /** The device's capabilities in the modern spelling, each once, in the device's order. */
    static List<Modern> of(Device device) {
        Map<String, Modern> result = new LinkedHashMap<>();
        for (String id : device.capabilities()) {
            if (DROPPED.contains(id)) {
                continue;
            }
            for (Modern m : RENAMED.getOrDefault(id, List.of(same(id)))) {
                result.putIfAbsent(m.id(), m);
            }
        }
        return new ArrayList<>(result.values());
    }

    static Optional<Modern> find(Device device, String modernId) {
        return of(device).stream().filter(m -> m.id().equals(modernId)).findFirst();
    }

    static List<String> ids(Device device) {
        return of(device).stream().map(Modern::id).toList();
    }

    /**
     * Why {@code name} is none of the device's capabilities, and what to send instead: the modern
     * spelling of a classic id or display name ({@code Switch Level}, {@code switchlevel},
     * {@code thermostat}), or that the modern API has no such capability ({@code actuator}).
     */
    static String unknown(Device device, String name) {
        List<String> ids = ids(device);
        String message = "device " + device.id() + " has no capability '" + name + "'; its capabilities: " + ids;
        Optional<Capability> classic = Capabilities.find(name);
        if (classic.isEmpty()) {
            return message;
        }
        if (DROPPED.contains(classic.get().id())) {
            return message + "; '" + classic.get().id() + "' is a classic marker the modern API does not have";
        }
        List<String> meant = RENAMED.getOrDefault(classic.get().id(), List.of(same(classic.get().id()))).stream()
                .map(Modern::id).filter(ids::contains).filter(id -> !id.equals(name)).toList();
        return meant.isEmpty() ? message : message + "; the modern API spells it " + String.join(" or ",
                meant.stream().map(id -> "'" + id + "'").toList());
    }

    /** Which of the device's capabilities has {@code command}: to say so when another capability was sent. */
    static Optional<Modern> withCommand(Device device, String command) {
        return of(device).stream().filter(m -> m.commands().containsKey(command)).findFirst();
    }

    private static Modern same(String hearthId) {
        Capability c = Capabilities.find(hearthId).orElseThrow();
        Map<String, String> attributes = new LinkedHashMap<>();
        c.attributes().forEach(a -> attributes.put(a.name(), a.name()));
        Map<String, String> commands = new LinkedHashMap<>();
        c.commands().forEach(command -> commands.put(command.name(), command.name()));
        return new Modern(c.id(), c.id(), attributes, commands);
    }

    /** attribute modern, attribute Hearth's, then pairs of command names, modern then Hearth's. */
    private static Modern modern(String id, String hearth, String attribute, String hearthAttribute,
                                 String... commands) {
        return new Modern(id, hearth, Map.of(attribute, hearthAttribute), ordered(commands));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
