package hearth.hub;

import hearth.hub.Zigbee2MqttCapabilities.Binding;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * zigbee2mqtt (its {@code lib/extension/bridge.ts} and {@code publish.ts}): the retained
 * {@code <base>/bridge/devices} lists the paired devices with their definitions' exposes; each
 * device's state is JSON on {@code <base>/<friendly_name>}, its availability on
 * {@code <base>/<friendly_name>/availability}; commands are JSON to {@code <base>/<friendly_name>/set}.
 * Friendly names may contain slashes, so the whole base is subscribed and names are matched.
 */
final class Zigbee2MqttAdapter implements ProtocolAdapter {
    static final String PROTOCOL = "z2m";
    private static final Pattern IEEE = Pattern.compile("0x[0-9a-fA-F]{16}");
    private static final int MAX_PENDING = 200;

    private final String base;
    private final HubSink sink;
    private final int maxDevices;
    private volatile Map<String, Known> byName = Map.of();
    private volatile Map<String, Known> byDeviceId = Map.of();
    /** States that came before the device list (retained messages come in any order). */
    private final Map<String, byte[]> pending = new ConcurrentHashMap<>();

    /** A device of the bridge as Hearth knows it. */
    record Known(String ieee, String friendlyName, String deviceId, List<Binding> bindings) {
    }

    Zigbee2MqttAdapter(String base, HubSink sink, int maxDevices) {
        this.base = base;
        this.sink = sink;
        this.maxDevices = maxDevices;
    }

    @Override
    public List<String> topicFilters() {
        return List.of(base + "/#");
    }

    @Override
    public boolean handles(String topic) {
        return topic.startsWith(base + "/");
    }

    @Override
    public void onMessage(String topic, byte[] payload) {
        if (payload.length == 0) {
            return; // a retained message cleared
        }
        String rest = topic.substring(base.length() + 1);
        if (rest.equals("bridge/devices")) {
            devices(payload);
        } else if (rest.startsWith("bridge/")) {
            return; // bridge/state, bridge/event, bridge/logging...: not needed to run devices
        } else if (rest.endsWith("/set") || rest.endsWith("/get")) {
            return; // commands, ours or another client's
        } else if (rest.endsWith("/availability") && byName.containsKey(strip(rest, "/availability"))) {
            availability(byName.get(strip(rest, "/availability")), payload);
        } else {
            Known known = byName.get(rest);
            if (known != null) {
                state(known, payload);
            } else if (pending.size() < MAX_PENDING && validName(rest)) {
                pending.put(rest, payload);
            }
        }
    }

    @Override
    public Optional<Outgoing> command(String deviceId, String command, List<Object> arguments) {
        Known known = byDeviceId.get(deviceId);
        if (known == null) {
            return Optional.empty();
        }
        Map<String, Object> json = Zigbee2MqttCapabilities.command(known.bindings(), command, arguments);
        return Optional.of(new Outgoing(base + "/" + known.friendlyName() + "/set", HubJson.write(json)));
    }

    private void devices(byte[] payload) {
        Optional<JsonNode> parsed = HubJson.parse(payload);
        if (parsed.isEmpty() || !parsed.get().isArray()) {
            sink.problem("z2m-devices", base + "/bridge/devices is not a JSON array");
            return;
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        List<HubSink.Discovered> found = new ArrayList<>();
        Map<String, List<Binding>> bindings = new LinkedHashMap<>();
        for (JsonNode entry : parsed.get()) {
            if (found.size() >= maxDevices) {
                sink.problem("z2m-too-many", base + "/bridge/devices lists more than " + maxDevices
                        + " devices (hearth.hubs.max-devices); the rest are ignored");
                break;
            }
            String ieee = text(entry, "ieee_address");
            String name = text(entry, "friendly_name");
            if (ieee == null || !IEEE.matcher(ieee).matches() || name == null || !validName(name)
                    || "Coordinator".equals(text(entry, "type")) || entries.containsKey(name)) {
                continue;
            }
            JsonNode definition = entry.get("definition");
            List<Binding> bound = definition != null && definition.isObject()
                    ? Zigbee2MqttCapabilities.bind(Expose.parse(definition.get("exposes"))) : List.of();
            String model = definition != null ? text(definition, "model") : null;
            String vendor = definition != null ? text(definition, "vendor") : null;
            String typeName = model == null ? "zigbee2mqtt device"
                    : (vendor == null ? "" : vendor + " ") + model;
            entries.put(name, entry);
            bindings.put(ieee.toLowerCase(), bound);
            found.add(new HubSink.Discovered(PROTOCOL + ":" + ieee.toLowerCase(), name, typeName,
                    Zigbee2MqttCapabilities.capabilities(bound)));
        }
        Map<String, String> ids = sink.sync(PROTOCOL, found);
        Map<String, Known> names = new LinkedHashMap<>();
        Map<String, Known> devices = new LinkedHashMap<>();
        entries.forEach((name, entry) -> {
            String ieee = text(entry, "ieee_address").toLowerCase();
            String id = ids.get(PROTOCOL + ":" + ieee);
            if (id != null) {
                Known known = new Known(ieee, name, id, bindings.get(ieee));
                names.put(name, known);
                devices.put(id, known);
            }
        });
        byName = Map.copyOf(names);
        byDeviceId = Map.copyOf(devices);
        for (String name : List.copyOf(pending.keySet())) {
            byte[] state = pending.remove(name);
            Known known = names.get(name);
            if (known != null && state != null) {
                state(known, state);
            }
        }
        pending.clear();
    }

    private void state(Known known, byte[] payload) {
        Optional<JsonNode> parsed = HubJson.parse(payload);
        if (parsed.isEmpty() || !parsed.get().isObject()) {
            sink.problem("z2m-state", "the state of '" + known.friendlyName() + "' is not a JSON object");
            return;
        }
        var readings = Zigbee2MqttCapabilities.read(known.bindings(), parsed.get());
        if (!readings.isEmpty()) {
            sink.report(known.deviceId(), readings);
        }
    }

    /** {@code {"state":"online"}} (zigbee2mqtt 1.30+) or plain {@code online}. */
    private void availability(Known known, byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        Optional<JsonNode> parsed = text.startsWith("{") ? HubJson.parse(payload) : Optional.empty();
        String state = parsed.map(n -> text(n, "state")).orElse(text);
        if (state == null || !(state.equals("online") || state.equals("offline"))) {
            sink.problem("z2m-availability", "the availability of '" + known.friendlyName() + "' is neither "
                    + "online nor offline");
            return;
        }
        sink.report(known.deviceId(), Map.of("healthStatus",
                new hearth.device.LocalDevices.Reading(state, null)));
    }

    /** A name Hearth can publish to: no wildcards, no NUL, no empty levels at the ends, not too long. */
    static boolean validName(String name) {
        return !name.isEmpty() && name.length() <= 200 && !name.contains("+") && !name.contains("#")
                && name.indexOf('\0') < 0 && !name.startsWith("/") && !name.endsWith("/")
                && !name.equals("bridge") && !name.startsWith("bridge/")
                && name.codePoints().noneMatch(Character::isISOControl);
    }

    private static String strip(String s, String suffix) {
        return s.substring(0, s.length() - suffix.length());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isString() && v.asString().length() <= 200 ? v.asString() : null;
    }
}
