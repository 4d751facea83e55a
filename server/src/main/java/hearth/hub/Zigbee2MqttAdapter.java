package hearth.hub;

import hearth.engine.api.UnsupportedCommandException;
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
 * The bridge's own {@code bridge/state} says whether zigbee2mqtt runs, {@code bridge/event} that a
 * device left ({@code device_leave}), and {@code bridge/response/device/rename} (or, before
 * zigbee2mqtt 1.17, {@code bridge/log} {@code device_renamed}) that one has a new name.
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
    private volatile String bridgeState;

    /** A device of the bridge as Hearth knows it. */
    record Known(String ieee, String friendlyName, String deviceId, List<Binding> bindings) {
    }

    Zigbee2MqttAdapter(String base, HubSink sink, int maxDevices) {
        this.base = base;
        this.sink = sink;
        this.maxDevices = maxDevices;
    }

    @Override
    public void disconnected() {
        bridgeState = null; // the retained bridge/state comes again
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
        } else if (rest.equals("bridge/state")) {
            bridgeState(payload);
        } else if (rest.equals("bridge/event")) {
            event(payload);
        } else if (rest.equals("bridge/response/device/rename") || rest.equals("bridge/log")) {
            renamed(payload);
        } else if (rest.startsWith("bridge/")) {
            return; // bridge/info, bridge/logging, other responses...: not needed to run devices
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
        if ("offline".equals(bridgeState)) {
            throw new UnsupportedCommandException("zigbee2mqtt (" + base + "/bridge/state) is offline; the command "
                    + "was not sent");
        }
        if (command.equals("ping")) {
            return Optional.of(Outgoing.NOTHING); // availability comes by itself
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
            List<String> capabilities = new ArrayList<>(Zigbee2MqttCapabilities.capabilities(bound));
            capabilities.add("healthCheck"); // its <name>/availability, when zigbee2mqtt's availability is on
            found.add(new HubSink.Discovered(PROTOCOL + ":" + ieee.toLowerCase(), name, typeName,
                    List.copyOf(capabilities)));
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

    /** {@code {"state":"online"}} (zigbee2mqtt 1.30+) or plain {@code online}, retained; offline is its last will. */
    private void bridgeState(byte[] payload) {
        String state = onlineOrOffline(payload);
        if (state == null) {
            sink.problem("z2m-bridge-state", base + "/bridge/state is neither online nor offline");
            return;
        }
        bridgeState = state;
        sink.bridge(state);
    }

    /** {@code {"type":"device_leave","data":{"ieee_address":...}}}: the device goes. Others need nothing. */
    private void event(byte[] payload) {
        JsonNode json = HubJson.parse(payload).orElse(null);
        if (json == null || !json.isObject() || !json.path("data").isObject()) {
            sink.problem("z2m-event", base + "/bridge/event is not a JSON object with data");
            return;
        }
        if (!"device_leave".equals(text(json, "type"))) {
            return; // device_joined, device_announce, device_interview: bridge/devices follows
        }
        String ieee = text(json.get("data"), "ieee_address");
        if (ieee == null || !IEEE.matcher(ieee).matches()) {
            return;
        }
        Known gone = byDeviceIdOfIeee(ieee.toLowerCase());
        sink.remove(PROTOCOL + ":" + ieee.toLowerCase());
        if (gone != null) {
            Map<String, Known> names = new LinkedHashMap<>(byName);
            Map<String, Known> devices = new LinkedHashMap<>(byDeviceId);
            names.remove(gone.friendlyName());
            devices.remove(gone.deviceId());
            byName = Map.copyOf(names);
            byDeviceId = Map.copyOf(devices);
        }
    }

    private Known byDeviceIdOfIeee(String ieee) {
        return byDeviceId.values().stream().filter(k -> k.ieee().equals(ieee)).findFirst().orElse(null);
    }

    /**
     * {@code {"status":"ok","data":{"from":"a","to":"b"}}} (bridge/response/device/rename) or the
     * legacy {@code {"type":"device_renamed","message":{"from":"a","to":"b"}}} (bridge/log).
     */
    private void renamed(byte[] payload) {
        JsonNode json = HubJson.parse(payload).orElse(null);
        if (json == null || !json.isObject()) {
            return;
        }
        JsonNode names = "ok".equals(text(json, "status")) ? json.get("data")
                : "device_renamed".equals(text(json, "type")) ? json.get("message") : null;
        String from = names == null ? null : text(names, "from");
        String to = names == null ? null : text(names, "to");
        if (from == null || to == null || !validName(to) || !byName.containsKey(from) || byName.containsKey(to)) {
            return;
        }
        Known before = byName.get(from);
        Known after = new Known(before.ieee(), to, before.deviceId(), before.bindings());
        Map<String, Known> byNames = new LinkedHashMap<>(byName);
        Map<String, Known> devices = new LinkedHashMap<>(byDeviceId);
        byNames.remove(from);
        byNames.put(to, after);
        devices.put(after.deviceId(), after);
        byName = Map.copyOf(byNames);
        byDeviceId = Map.copyOf(devices);
        sink.renamed(PROTOCOL + ":" + before.ieee(), from, to);
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
        String state = onlineOrOffline(payload);
        if (state == null) {
            sink.problem("z2m-availability", "the availability of '" + known.friendlyName() + "' is neither "
                    + "online nor offline");
            return;
        }
        sink.report(known.deviceId(), Map.of("healthStatus",
                new hearth.device.LocalDevices.Reading(state, null)));
    }

    /** {@code online} or {@code offline}, from JSON {@code {"state": ...}} or plain text; else null. */
    private static String onlineOrOffline(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        Optional<JsonNode> parsed = text.startsWith("{") ? HubJson.parse(payload) : Optional.empty();
        String state = parsed.map(n -> text(n, "state")).orElse(text);
        return "online".equals(state) || "offline".equals(state) ? state : null;
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
