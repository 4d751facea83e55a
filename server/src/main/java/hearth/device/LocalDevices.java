package hearth.device;

import hearth.engine.api.AttributeState;
import hearth.engine.api.DeviceEvent;
import hearth.engine.api.EventQuery;
import hearth.engine.api.UnsupportedCommandException;
import hearth.engine.capability.Capabilities;
import hearth.engine.capability.Capability.Attribute;
import hearth.engine.capability.Capability.Command;
import hearth.engine.capability.Capability.Effect;
import hearth.engine.capability.Capability;
import hearth.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The devices of the Locations this process hosts: their attributes live in this Server's
 * database. A virtual device's commands change them and record events; a hub's device gets its
 * commands sent to the hub ({@link DeviceDriver}) and its attributes from what it reports
 * ({@link #report}), through the same events. Callers have checked ownership.
 */
@Service
public class LocalDevices {
    private final DeviceRepository devices;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final ObjectProvider<DeviceDriver> driver;
    private final EventRetention retention;

    public LocalDevices(DeviceRepository devices, ApplicationEventPublisher publisher, Clock clock,
                        ObjectProvider<DeviceDriver> driver, EventRetention retention) {
        this.devices = devices;
        this.publisher = publisher;
        this.clock = clock;
        this.driver = driver;
        this.retention = retention;
    }

    /**
     * A device a hub discovered, with the capabilities its protocol adapter mapped.
     *
     * @param hubAddress the protocol's own id for it, unique within the hub
     */
    @Transactional
    public Device createForHub(String locationId, String hubId, String hubAddress, String label, String typeName,
                               List<String> capabilities) {
        Device device = new Device(UUID.randomUUID().toString(), locationId, checkedLabel(label), typeName, typeName,
                capabilities, Map.of(), clock.instant(), hubId);
        devices.insertForHub(device, hubAddress);
        return device;
    }

    /** The hub's devices: its address for each (as given to {@link #createForHub}) to the device id. */
    public Map<String, String> hubAddresses(String hubId) {
        return devices.hubAddresses(hubId);
    }

    /** The hub's description of the device changed (a new firmware, another definition). */
    @Transactional
    public void updateKind(String deviceId, List<String> capabilities, String typeName) {
        devices.updateKind(deviceId, capabilities, typeName, typeName);
    }

    public List<Device> ofHub(String hubId) {
        return devices.findByHub(hubId);
    }

    /** One value a device reported; {@code unit} as the device published it (°C stays °C). */
    public record Reading(Object value, String unit, boolean alwaysEvent) {
        public Reading(Object value, String unit) {
            this(value, unit, false);
        }
    }

    /**
     * What a hub's device reported: each value that differs from the current one becomes the
     * attribute's value and a device event (only real changes, as classic {@code isStateChange}),
     * heard by subscribers exactly as a virtual device's. Values of attributes no capability
     * declares are kept as custom attributes. A value that doesn't fit its attribute is skipped.
     */
    @Transactional
    public Device report(Device device, Map<String, Reading> readings) {
        Instant now = clock.instant();
        List<Capability> capabilities = device.capabilities().stream()
                .flatMap(id -> Capabilities.find(id).stream()).toList();
        Map<String, AttributeState> attributes = new LinkedHashMap<>(device.attributes());
        List<DeviceEvent> recorded = new ArrayList<>();
        readings.forEach((name, reading) -> {
            Object value;
            try {
                Optional<Attribute> declared = attributeOf(capabilities, name);
                value = declared.isPresent() ? checked(declared.get(), reading.value()) : plain(reading.value());
            } catch (ApiException e) {
                return;
            }
            AttributeState current = attributes.get(name);
            if (!reading.alwaysEvent() && current != null && java.util.Objects.equals(AttributeValues.text(current.value()),
                    AttributeValues.text(value)) && java.util.Objects.equals(current.unit(), reading.unit())) {
                return;
            }
            AttributeState state = new AttributeState(name, value, reading.unit(), now);
            attributes.put(name, state);
            devices.saveAttribute(device.id(), state);
            DeviceEvent event = new DeviceEvent(UUID.randomUUID().toString(), device.id(), name, value,
                    reading.unit(), now);
            devices.insertEvent(event);
            recorded.add(event);
        });
        if (!recorded.isEmpty()) {
            publisher.publishEvent(new DeviceEventsRecorded(device.id(), device.locationId(), device.label(), recorded));
        }
        return device.withAttributes(attributes);
    }

    private static Object plain(Object value) {
        if (value instanceof Number n) {
            return AttributeValues.number(new BigDecimal(n.toString()));
        }
        if (value instanceof Boolean || value == null) {
            return value;
        }
        String text = value.toString();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    @Transactional
    public Device create(String locationId, String label, List<String> capabilityNames, Map<String, Object> initial) {
        checkedLabel(label);
        if (capabilityNames == null || capabilityNames.isEmpty()) {
            throw ApiException.badRequest("capabilities must name at least one capability, e.g. [\"switch\"]");
        }
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String name : capabilityNames) {
            Capability capability = Capabilities.find(name).orElseThrow(() -> ApiException.badRequest(
                    "unknown capability '" + name + "'; known: " + Capabilities.all().stream().map(Capability::id).toList()));
            ids.add(capability.id());
        }
        List<Capability> capabilities = ids.stream().map(id -> Capabilities.find(id).orElseThrow()).toList();
        Instant now = clock.instant();
        Map<String, AttributeState> attributes = new LinkedHashMap<>();
        for (Capability capability : capabilities) {
            for (Attribute attribute : capability.attributes()) {
                if (attribute.type() == Attribute.Type.ENUM && !attribute.values().isEmpty()) {
                    attributes.put(attribute.name(), new AttributeState(attribute.name(), attribute.values().get(0),
                            attribute.unit(), now));
                }
            }
        }
        if (initial != null) {
            initial.forEach((name, value) -> {
                Attribute attribute = attributeOf(capabilities, name).orElseThrow(() -> ApiException.badRequest(
                        "attribute '" + name + "' belongs to none of the capabilities " + ids));
                attributes.put(name, new AttributeState(name, checked(attribute, value), attribute.unit(), now));
            });
        }
        String typeName = "Virtual " + capabilities.get(0).name();
        Device device = new Device(UUID.randomUUID().toString(), locationId, label.trim(), typeName, typeName,
                List.copyOf(ids), attributes, now, null);
        devices.insert(device);
        attributes.values().forEach(state -> devices.saveAttribute(device.id(), state));
        return device;
    }

    public List<Device> inLocation(String locationId) {
        return devices.findByLocation(locationId);
    }

    public java.util.Optional<Device> byId(String deviceId) {
        return devices.findById(deviceId);
    }

    /**
     * Runs a command, answering a caller's mistake as 400 with what to fix; {@code capability} (an
     * id, or null for the first of the device's that has the command) picks whose command of that
     * name runs, as {@code off} is both the switch's and the thermostat's.
     */
    @Transactional
    public Device command(String deviceId, String capability, String command, List<Object> arguments) {
        Device device = devices.findById(deviceId)
                .orElseThrow(() -> ApiException.notFound("no device with id " + deviceId));
        try {
            return run(device, capability, command, arguments == null ? List.of() : arguments);
        } catch (UnsupportedCommandException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /**
     * Runs a command on a virtual device: each effect sets one attribute, and each change is
     * recorded as an event. Arguments are checked against the capability's declaration.
     *
     * @throws UnsupportedCommandException when the device has no such command or the arguments don't fit
     */
    @Transactional
    public Device run(Device device, String commandName, List<Object> arguments) {
        return run(device, null, commandName, arguments);
    }

    private Device run(Device device, String capability, String commandName, List<Object> arguments) {
        Command command = commandOf(device, capability, commandName).orElseThrow(() -> new UnsupportedCommandException(
                "device '" + device.label() + "' has no command '" + commandName + "'; its commands: "
                        + commandsOf(device)));
        List<Object> args = Capabilities.checkedArguments(command, arguments);
        if (!device.virtual()) {
            DeviceDriver hubs = driver.getIfAvailable();
            if (hubs == null) {
                throw new UnsupportedCommandException("device '" + device.label() + "' belongs to a hub this "
                        + "Server does not run");
            }
            hubs.send(device, commandName, args);
            return device; // its state changes when it reports (as classic)
        }
        Instant now = clock.instant();
        Map<String, AttributeState> attributes = new LinkedHashMap<>(device.attributes());
        List<DeviceEvent> recorded = new ArrayList<>();
        for (Effect effect : command.effects()) {
            Object value = effect.argumentIndex() >= 0 ? args.get(effect.argumentIndex()) : effect.constant();
            String unit = device.capabilities().stream().map(id -> Capabilities.find(id).orElseThrow())
                    .flatMap(c -> c.attribute(effect.attribute()).stream()).map(Attribute::unit)
                    .filter(u -> u != null).findFirst().orElse(null);
            AttributeState state = new AttributeState(effect.attribute(), value, unit, now);
            attributes.put(effect.attribute(), state);
            devices.saveAttribute(device.id(), state);
            DeviceEvent event = new DeviceEvent(UUID.randomUUID().toString(), device.id(), effect.attribute(), value,
                    unit, now);
            devices.insertEvent(event);
            recorded.add(event);
        }
        publisher.publishEvent(new DeviceEventsRecorded(device.id(), device.locationId(), device.label(), recorded));
        return device.withAttributes(attributes);
    }

    /**
     * A person sets an attribute by hand (a virtual door sensor "opens"): checked against the
     * device's capabilities like a command's effect, recorded as an event, heard by subscribers.
     */
    @Transactional
    public Device setAttribute(String deviceId, String name, Object value) {
        Device device = devices.findById(deviceId)
                .orElseThrow(() -> ApiException.notFound("no device with id " + deviceId));
        if (!device.virtual()) {
            throw ApiException.badRequest("device '" + device.label() + "' is a hub's: its state comes from the "
                    + "device itself; send it a command instead");
        }
        List<Capability> capabilities = device.capabilities().stream().map(id -> Capabilities.find(id).orElseThrow())
                .toList();
        Attribute attribute = attributeOf(capabilities, name).orElseThrow(() -> ApiException.badRequest(
                "device '" + device.label() + "' has no attribute '" + name + "'; its attributes: "
                        + capabilities.stream().flatMap(c -> c.attributes().stream()).map(Attribute::name).toList()));
        Instant now = clock.instant();
        AttributeState state = new AttributeState(name, checked(attribute, value), attribute.unit(), now);
        devices.saveAttribute(device.id(), state);
        DeviceEvent event = new DeviceEvent(UUID.randomUUID().toString(), device.id(), name, state.value(),
                state.unit(), now);
        devices.insertEvent(event);
        publisher.publishEvent(new DeviceEventsRecorded(device.id(), device.locationId(), device.label(),
                List.of(event)));
        Map<String, AttributeState> attributes = new LinkedHashMap<>(device.attributes());
        attributes.put(name, state);
        return device.withAttributes(attributes);
    }

    @Transactional
    public Device rename(String deviceId, String label) {
        Device device = devices.findById(deviceId)
                .orElseThrow(() -> ApiException.notFound("no device with id " + deviceId));
        String checked = checkedLabel(label);
        devices.rename(deviceId, checked);
        return device.withLabel(checked);
    }

    /** Puts the device in a room of its Location (a name, 1 to 100 characters), or in none (null or blank). */
    @Transactional
    public Device place(String deviceId, String room) {
        Device device = devices.findById(deviceId)
                .orElseThrow(() -> ApiException.notFound("no device with id " + deviceId));
        String checked = room == null || room.isBlank() ? null : room.trim();
        if (checked != null && checked.length() > 100) {
            throw ApiException.badRequest("room is a name of at most 100 characters, or null for none");
        }
        devices.place(deviceId, checked);
        return device.withRoom(checked);
    }

    /** Hidden: not on the home page nor offered to new Installations; it still works where it is chosen. */
    @Transactional
    public Device setHidden(String deviceId, boolean hidden) {
        Device device = devices.findById(deviceId)
                .orElseThrow(() -> ApiException.notFound("no device with id " + deviceId));
        devices.setHidden(deviceId, hidden);
        return device.withHidden(hidden);
    }

    /** Addresses of the hub's devices a person removed, which its discovery skips. */
    public java.util.Set<String> removedAddresses(String hubId) {
        return devices.removedAddresses(hubId);
    }

    /** The hub says the device left, or the hub goes (null address: all of it): rediscovery may bring it back. */
    @Transactional
    public void forgetRemoved(String hubId, String address) {
        devices.forgetRemoved(hubId, address);
    }

    /**
     * Removes the device and its history; the caller has taken it out of every Installation. A
     * hub's device is remembered as removed, so its hub doesn't bring it back (until the hub says
     * it left: {@link #forgetRemoved}).
     */
    @Transactional
    public void delete(String deviceId) {
        devices.rememberRemoved(deviceId, clock.instant());
        devices.delete(deviceId);
    }

    private static String checkedLabel(String label) {
        if (label == null || label.isBlank() || label.length() > 200) {
            throw ApiException.badRequest("label is required (1 to 200 characters)");
        }
        return label.trim();
    }

    public List<DeviceEvent> events(String deviceId, int max) {
        return events(deviceId, EventQuery.latest(max));
    }

    /** The device's events the query asks for, newest first, no further back than this Server keeps them. */
    public List<DeviceEvent> events(String deviceId, EventQuery query) {
        return devices.events(deviceId, query.notBefore(historyHorizon()));
    }

    /** The oldest time whose events this Server still answers ({@code hearth.events.max-age} ago). */
    public Instant historyHorizon() {
        return clock.instant().minus(retention.maxAge());
    }

    /** The latest {@code perDevice} events of each device of the Location (for the pages), by device id. */
    public Map<String, List<DeviceEvent>> recentEvents(String locationId, int perDevice) {
        Map<String, List<DeviceEvent>> out = new LinkedHashMap<>();
        for (Device device : devices.findByLocation(locationId)) {
            out.put(device.id(), events(device.id(), EventQuery.latest(perDevice)));
        }
        return out;
    }

    private static Optional<Command> commandOf(Device device, String capability, String name) {
        return device.capabilities().stream().filter(id -> capability == null || id.equals(capability))
                .map(id -> Capabilities.find(id).orElseThrow())
                .flatMap(c -> c.command(name).stream()).findFirst();
    }

    private static List<String> commandsOf(Device device) {
        return device.capabilities().stream().map(id -> Capabilities.find(id).orElseThrow())
                .flatMap(c -> c.commands().stream()).map(Command::name).distinct().toList();
    }

    private static Optional<Attribute> attributeOf(List<Capability> capabilities, String name) {
        return capabilities.stream().flatMap(c -> c.attribute(name).stream()).findFirst();
    }

    private static Object checked(Attribute attribute, Object value) {
        switch (attribute.type()) {
            case ENUM -> {
                String text = String.valueOf(value);
                if (!attribute.values().contains(text)) {
                    throw ApiException.badRequest("attribute '" + attribute.name() + "' must be one of "
                            + attribute.values() + ", got '" + value + "'");
                }
                return text;
            }
            case NUMBER -> {
                return AttributeValues.number(Capabilities.toNumber(value).orElseThrow(() -> ApiException.badRequest(
                        "attribute '" + attribute.name() + "' must be a number, got '" + value + "'")));
            }
            default -> {
                return value == null ? null : value.toString();
            }
        }
    }
}
