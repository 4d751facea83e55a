package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MissingPropertyException;
import hearth.engine.api.AppEvent;
import hearth.engine.api.AttributeState;
import hearth.engine.api.DeviceEvent;
import hearth.engine.api.DeviceSnapshot;
import hearth.engine.api.EventQuery;
import hearth.engine.api.UnsupportedCommandException;
import hearth.engine.capability.Capabilities;
import hearth.engine.capability.Capability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A device as SmartApp code sees it (classic {@code physicalgraph.app.DeviceWrapper}). Commands are
 * not Java methods: {@code it.on()} and {@code device."$cmd"(*args)} both land in
 * {@link #methodMissing}, which checks the command and its arguments against the capability
 * catalogue and records it for the call's effects ({@link Access#command}). So this class must never
 * grow a public method whose name is a command. Its attributes are those of the call's snapshot,
 * with the effects of the call's own commands on them as the catalogue declares them (what the host
 * will store when it carries the commands out), so an app that turns a light on and reads it back
 * sees it on. One view per device and call, whichever inputs hold it.
 */
@SmartAppApi
public final class DeviceView extends GroovyObjectSupport {
    private final DeviceSnapshot handle;
    private final Access access;
    /** The snapshot's attributes with this call's commands applied. */
    private final Map<String, AttributeState> current;

    public DeviceView(DeviceSnapshot device, Access access) {
        this.handle = Objects.requireNonNull(device, "device");
        this.access = Objects.requireNonNull(access, "access");
        this.current = java.util.Collections.synchronizedMap(new LinkedHashMap<>(device.currentStates()));
    }

    /** Where a device's commands go and its history comes from: the call that holds the device. */
    public interface Access {
        /** Records a checked command for the call's effects. */
        void command(String deviceId, String command, List<Object> arguments);

        /** The device's recorded events the query asks for, newest first (a read-only port of the host). */
        List<DeviceEvent> events(String deviceId, EventQuery query);

        /** The hub the device is on: its real hub ({@code hubId}), or the virtual one for null. */
        default HubView hub(String hubId) {
            return new HubView(hubId == null ? "virtual" : hubId);
        }
    }

    @SmartAppApi
    public String getId() {
        return handle.id();
    }

    @SmartAppApi
    public String getDisplayName() {
        String label = handle.label();
        return label == null || label.isBlank() ? handle.name() : label;
    }

    @SmartAppApi
    public String getLabel() {
        return handle.label();
    }

    @SmartAppApi
    public String getName() {
        return handle.name();
    }

    @SmartAppApi
    public String getTypeName() {
        return handle.typeName();
    }

    /** Classic devices report these; Hearth's virtual devices have none, so apps get null, not an error. */
    @SmartAppApi
    public String getManufacturerName() {
        return null;
    }

    @SmartAppApi
    public String getModelName() {
        return null;
    }

    /** Classic: the author of the device's handler; Hearth's devices are built in, so null. */
    @SmartAppApi
    public String getTypeAuthor() {
        return null;
    }

    /**
     * Groovy's {@code respondsTo(name)} asked of a device: whether it has that command (commands
     * aren't Java methods here) or that DSL member. True or false rather than Groovy's list of
     * meta methods, which apps only ever test.
     */
    @SmartAppApi
    public boolean respondsTo(String name) {
        return hasCommand(name) || java.util.Arrays.stream(DeviceView.class.getMethods())
                .anyMatch(m -> m.getName().equals(name) && m.isAnnotationPresent(SmartAppApi.class));
    }

    /** Classic {@code device.hub}: the real hub a hub's device came from, else the Location's virtual hub. */
    @SmartAppApi
    public HubView getHub() {
        return access.hub(handle.hubId());
    }

    @SmartAppApi
    public String getDeviceNetworkId() {
        return null;
    }

    @SmartAppApi
    public Date getLastActivity() {
        return null;
    }

    /** Classic device health; Hearth's devices live in the server, so always reachable. */
    @SmartAppApi
    public String getStatus() {
        return "ONLINE";
    }

    @SmartAppApi
    public List<CapabilityView> getCapabilities() {
        return capabilities().stream().map(CapabilityView::new).toList();
    }

    @SmartAppApi
    public List<AttributeView> getSupportedAttributes() {
        Map<String, AttributeView> byName = new LinkedHashMap<>();
        for (Capability c : capabilities()) {
            c.attributes().forEach(a -> byName.putIfAbsent(a.name(), new AttributeView(a)));
        }
        return List.copyOf(byName.values());
    }

    @SmartAppApi
    public List<CommandView> getSupportedCommands() {
        Map<String, CommandView> byName = new LinkedHashMap<>();
        for (Capability c : capabilities()) {
            c.commands().forEach(cmd -> byName.putIfAbsent(cmd.name(), new CommandView(cmd)));
        }
        return List.copyOf(byName.values());
    }

    @SmartAppApi
    public Object currentValue(String attribute) {
        AttributeState s = current.get(attribute);   // one value: no copy of them all
        return s == null ? null : s.value();
    }

    @SmartAppApi
    public StateView currentState(String attribute) {
        AttributeState s = current.get(attribute);   // one value: no copy of them all
        return s == null ? null : StateView.of(s);
    }

    @SmartAppApi
    public Object latestValue(String attribute) {
        return currentValue(attribute);
    }

    @SmartAppApi
    public StateView latestState(String attribute) {
        return currentState(attribute);
    }

    /** Every current state, as classic {@code device.currentStates}. */
    @SmartAppApi
    public List<StateView> getCurrentStates() {
        return currentStates().stream().map(StateView::of).toList();
    }

    /** By id ("switchLevel") or display name ("Switch Level"), ignoring case, as real apps use both. */
    @SmartAppApi
    public boolean hasCapability(String idOrName) {
        return Capabilities.find(idOrName)
                .map(c -> handle.capabilities().stream().anyMatch(id -> id.equalsIgnoreCase(c.id())))
                .orElse(false);
    }

    @SmartAppApi
    public boolean hasAttribute(String attribute) {
        return capabilities().stream().anyMatch(c -> c.attribute(attribute).isPresent())
                || current.containsKey(attribute);
    }

    @SmartAppApi
    public boolean hasCommand(String command) {
        return capabilities().stream().anyMatch(c -> c.command(command).isPresent());
    }

    // ---- history (classic Device: events, eventsSince, eventsBetween, statesSince, statesBetween) ----
    // Newest first, 10 unless [max: n], at most 1000; the options map may come first (named arguments).

    @SmartAppApi
    public List<EventView> events() {
        return events(Map.of());
    }

    @SmartAppApi
    public List<EventView> events(Map<String, ?> options) {
        return events(History.query(null, null, null, options));
    }

    @SmartAppApi
    public List<EventView> eventsSince(Date since) {
        return eventsSince(since, Map.of());
    }

    @SmartAppApi
    public List<EventView> eventsSince(Date since, Map<String, ?> options) {
        return events(History.query(null, since, null, options));
    }

    @SmartAppApi
    public List<EventView> eventsSince(Map<String, ?> options, Date since) {
        return eventsSince(since, options);
    }

    @SmartAppApi
    public List<EventView> eventsBetween(Date start, Date end) {
        return eventsBetween(start, end, Map.of());
    }

    @SmartAppApi
    public List<EventView> eventsBetween(Date start, Date end, Map<String, ?> options) {
        return events(History.query(null, start, end, options));
    }

    @SmartAppApi
    public List<EventView> eventsBetween(Map<String, ?> options, Date start, Date end) {
        return eventsBetween(start, end, options);
    }

    @SmartAppApi
    public List<StateView> statesSince(String attribute, Date since) {
        return statesSince(attribute, since, Map.of());
    }

    @SmartAppApi
    public List<StateView> statesSince(String attribute, Date since, Map<String, ?> options) {
        return states(History.query(requireAttribute(attribute), since, null, options));
    }

    @SmartAppApi
    public List<StateView> statesSince(Map<String, ?> options, String attribute, Date since) {
        return statesSince(attribute, since, options);
    }

    @SmartAppApi
    public List<StateView> statesBetween(String attribute, Date start, Date end) {
        return statesBetween(attribute, start, end, Map.of());
    }

    @SmartAppApi
    public List<StateView> statesBetween(String attribute, Date start, Date end, Map<String, ?> options) {
        return states(History.query(requireAttribute(attribute), start, end, options));
    }

    @SmartAppApi
    public List<StateView> statesBetween(Map<String, ?> options, String attribute, Date start, Date end) {
        return statesBetween(attribute, start, end, options);
    }

    private List<EventView> events(EventQuery query) {
        String displayName = getDisplayName();
        return history(query).stream().map(e -> new EventView(AppEvent.of(e, displayName), this, e.id())).toList();
    }

    private List<StateView> states(EventQuery query) {
        return history(query).stream().map(StateView::of).toList();
    }

    /** What the host answers, held to the question even if a host answers more. */
    private List<DeviceEvent> history(EventQuery query) {
        if (query.max() == 0) {
            return List.of();
        }
        return access.events(handle.id(), query).stream().filter(e -> query.matches(e.name(), e.date()))
                .limit(query.max()).toList();
    }

    private static String requireAttribute(String attribute) {
        if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException("statesSince and statesBetween need the attribute's name");
        }
        return attribute;
    }

    /**
     * {@code it.currentSwitch}, {@code it.currentLevel}: the current value of that attribute;
     * {@code it.switchState}, {@code it.motionState}: its current state (classic {@code <attribute>State}).
     */
    @SmartAppApi
    public Object propertyMissing(String property) {
        if (property.length() > "current".length() && property.startsWith("current")) {
            String attribute = Character.toLowerCase(property.charAt(7)) + property.substring(8);
            return currentValue(attribute);
        }
        if (property.length() > "State".length() && property.endsWith("State")) {
            // as currentXxx: null for an attribute the device lacks (Freeboard reads every device's temperatureState)
            return currentState(property.substring(0, property.length() - "State".length()));
        }
        throw new MissingPropertyException(property, DeviceView.class);
    }

    /** A device command: checked against the catalogue so a typo fails with the commands it could have been. */
    @SmartAppApi
    public Object methodMissing(String command, Object args) {
        Object[] arguments = args instanceof Object[] a ? a : new Object[] {args};
        Capability.Command declared = capabilities().stream().flatMap(c -> c.command(command).stream())
                .findFirst().orElseThrow(() -> new UnsupportedCommandException("device '" + getDisplayName()
                        + "' has no command '" + command + "'; it supports " + supportedCommandNames()));
        List<Object> plain = new ArrayList<>(arguments.length);
        for (Object a : arguments) {
            plain.add(plainValue(a));
        }
        // the app learns of arguments that don't fit now, as when the command ran at once
        List<Object> checked = Capabilities.checkedArguments(declared, plain);
        access.command(handle.id(), command, plain);
        java.time.Instant now = java.time.Instant.now();
        for (Capability.Effect effect : declared.effects()) {
            Object value = effect.argumentIndex() >= 0 ? checked.get(effect.argumentIndex()) : effect.constant();
            String unit = capabilities().stream().flatMap(c -> c.attribute(effect.attribute()).stream())
                    .map(Capability.Attribute::unit).filter(Objects::nonNull).findFirst().orElse(null);
            current.put(effect.attribute(), new AttributeState(effect.attribute(), value, unit, now));
        }
        return null;
    }

    /** The device as the call's snapshot holds it, for the engine's own use (apps can't call it). */
    public DeviceSnapshot handle() {
        return handle;
    }

    private Map<String, AttributeState> currentStatesMap() {
        synchronized (current) {
            return new LinkedHashMap<>(current);
        }
    }

    private List<AttributeState> currentStates() {
        return List.copyOf(currentStatesMap().values());
    }

    Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", getId());
        m.put("name", getName());
        m.put("label", getLabel());
        m.put("displayName", getDisplayName());
        m.put("typeName", getTypeName());
        return m;
    }

    @SmartAppApi
    @Override
    public String toString() {
        return getDisplayName();
    }

    @SmartAppApi
    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceView d && d.getId().equals(getId());
    }

    @SmartAppApi
    @Override
    public int hashCode() {
        return getId().hashCode();
    }

    private List<Capability> capabilities() {
        List<Capability> out = new ArrayList<>();
        for (String id : handle.capabilities()) {
            Capabilities.find(id).ifPresent(out::add);
        }
        return out;
    }

    private String supportedCommandNames() {
        Set<String> names = new LinkedHashSet<>();
        getSupportedCommands().forEach(c -> names.add(c.getName()));
        return names.isEmpty() ? "no commands" : String.join(", ", names);
    }

    /**
     * Hands the host plain Java values only (String, Number, Boolean, List, Map); anything else
     * becomes its text here, on the worker, so no app object (a closure, a GString) reaches the host.
     */
    private static Object plainValue(Object a) {
        if (a == null || a instanceof Number || a instanceof Boolean) {
            return a;
        }
        if (a instanceof CharSequence cs) {
            return cs.toString();
        }
        if (a instanceof Object[] array) {
            return Arrays.stream(array).map(DeviceView::plainValue).toList();
        }
        if (a instanceof List<?> list) {
            return list.stream().map(DeviceView::plainValue).toList();
        }
        if (a instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plainValue(v)));
            return out;
        }
        return String.valueOf(a);
    }
}
