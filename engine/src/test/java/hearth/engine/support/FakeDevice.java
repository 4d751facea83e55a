package hearth.engine.support;

import hearth.engine.api.AttributeState;
import hearth.engine.api.DeviceEvent;
import hearth.engine.api.DeviceHandle;
import hearth.engine.api.UnsupportedCommandException;
import hearth.engine.capability.Capabilities;
import hearth.engine.capability.Capability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A virtual device that applies the catalogue's command effects, and records commands. */
public final class FakeDevice implements DeviceHandle {
    public static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    private final String id;
    private final String label;
    private final List<String> capabilities;
    private final Map<String, AttributeState> states = new LinkedHashMap<>();
    private final List<DeviceEvent> events = Collections.synchronizedList(new ArrayList<>());
    public final List<String> commands = Collections.synchronizedList(new ArrayList<>());

    public FakeDevice(String id, String label, List<String> capabilities, Map<String, Object> attributes) {
        this.id = id;
        this.label = label;
        this.capabilities = List.copyOf(capabilities);
        attributes.forEach((k, v) -> states.put(k, new AttributeState(k, v, null, T0)));
    }

    public static FakeDevice switchNamed(String label, String value) {
        return new FakeDevice(UUID.randomUUID().toString(), label, List.of("switch"), Map.of("switch", value));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String name() {
        return "Virtual Device";
    }

    @Override
    public String typeName() {
        return "Virtual " + capabilities.get(0);
    }

    @Override
    public List<String> capabilities() {
        return capabilities;
    }

    @Override
    public synchronized Map<String, AttributeState> currentStates() {
        return Map.copyOf(states);
    }

    @Override
    public synchronized void command(String name, List<Object> arguments) {
        Capability.Command command = capabilities.stream()
                .map(c -> Capabilities.find(c).orElseThrow())
                .flatMap(c -> c.command(name).stream())
                .findFirst()
                .orElseThrow(() -> new UnsupportedCommandException("no command " + name));
        if (arguments.size() < command.requiredArguments()) {
            throw new UnsupportedCommandException(name + " needs " + command.requiredArguments() + " arguments");
        }
        commands.add(arguments.isEmpty() ? name : name + arguments);
        for (Capability.Effect e : command.effects()) {
            Object value = e.argumentIndex() >= 0 ? arguments.get(e.argumentIndex()) : e.constant();
            Instant now = Instant.now();
            states.put(e.attribute(), new AttributeState(e.attribute(), value, null, now));
            events.add(0, new DeviceEvent(UUID.randomUUID().toString(), id, e.attribute(), value, null, now));
        }
    }

    /** Adds to the device's history as if it had happened (the newest first, as the host keeps them). */
    public FakeDevice recorded(String attribute, Object value, String unit, Instant date) {
        synchronized (events) {
            events.add(new DeviceEvent(UUID.randomUUID().toString(), id, attribute, value, unit, date));
            events.sort(java.util.Comparator.comparing(DeviceEvent::date).reversed());
        }
        return this;
    }

    @Override
    public List<DeviceEvent> events(int max) {
        synchronized (events) {
            return List.copyOf(events.subList(0, Math.min(max, events.size())));
        }
    }

    public Object value(String attribute) {
        AttributeState s = currentStates().get(attribute);
        return s == null ? null : s.value();
    }
}
