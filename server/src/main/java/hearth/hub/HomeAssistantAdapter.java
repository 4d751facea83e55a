package hearth.hub;

import hearth.device.LocalDevices.Reading;
import hearth.engine.api.UnsupportedCommandException;
import hearth.hub.HomeAssistantCapabilities.Row;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Home Assistant MQTT discovery (ESPHome, Shelly, Tasmota's legacy mode and many bridges publish
 * it): a retained config per entity at {@code <prefix>/<component>/[<node_id>/]<object_id>/config}
 * names its state and command topics; entities of one device ({@code device.identifiers}) are one
 * Hearth device; an empty config removes the entity, and the device with its last one.
 * Entities whose state lives under the zigbee2mqtt base topic are left to the zigbee2mqtt adapter
 * (zigbee2mqtt publishes discovery for its own devices).
 */
final class HomeAssistantAdapter implements ProtocolAdapter {
    static final String PROTOCOL = "ha";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final String prefix;
    private final String zigbee2mqttBase;
    private final HubSink sink;
    private final int maxEntities;
    /** By config topic. */
    private final Map<String, Entity> entities = new ConcurrentHashMap<>();
    /** Hearth device id by group key. */
    private final Map<String, String> deviceIds = new ConcurrentHashMap<>();
    /** The entities (config topics) listening on each state or availability topic. */
    private final Map<String, Set<String>> byTopic = new ConcurrentHashMap<>();
    /** The last hue and saturation (%) each hs light reported: a setHue sends both, as Home Assistant wants. */
    private final Map<String, BigDecimal[]> colors = new ConcurrentHashMap<>();
    /** Each cover's last windowShade: where a "stopped" leaves it (Home Assistant's cover does the same). */
    private final Map<String, String> shades = new ConcurrentHashMap<>();

    /** An entity as discovered, with the row that reads it (or none: a custom attribute). */
    record Entity(String configTopic, HomeAssistantDiscovery config, Row row, String groupKey) {
        String attribute() {
            return row != null ? row.attribute() : config.objectId();
        }
    }

    HomeAssistantAdapter(String prefix, String zigbee2mqttBase, HubSink sink, int maxDevices) {
        this.prefix = prefix;
        this.zigbee2mqttBase = zigbee2mqttBase;
        this.sink = sink;
        this.maxEntities = maxDevices * 8;
    }

    @Override
    public List<String> topicFilters() {
        Set<String> out = new LinkedHashSet<>(List.of(prefix + "/+/+/config", prefix + "/+/+/+/config"));
        for (Entity e : entities.values()) {
            out.addAll(topicsOf(e));
        }
        return List.copyOf(out);
    }

    @Override
    public boolean handles(String topic) {
        if (topic.startsWith(prefix + "/") && topic.endsWith("/config")) {
            return true;
        }
        return byTopic.containsKey(topic);
    }

    @Override
    public void onMessage(String topic, byte[] payload) {
        if (topic.startsWith(prefix + "/") && topic.endsWith("/config")) {
            config(topic, payload);
        }
        for (String configTopic : List.copyOf(byTopic.getOrDefault(topic, Set.of()))) {
            Entity e = entities.get(configTopic);
            String id = e == null ? null : deviceIds.get(e.groupKey());
            if (id == null) {
                continue;
            }
            HomeAssistantDiscovery c = e.config();
            if (topic.equals(c.availabilityTopic())) {
                String text = new String(payload, StandardCharsets.UTF_8).trim();
                if (text.equals(c.payloadAvailable()) || text.equals(c.payloadNotAvailable())) {
                    sink.report(id, Map.of("healthStatus", new Reading(text.equals(c.payloadAvailable())
                            ? "online" : "offline", null)));
                }
            }
            if (topic.equals(c.stateTopic()) || topic.equals(c.brightnessStateTopic())
                    || c.climate() != null && c.climate().stateTopics().contains(topic)) {
                Map<String, Reading> readings = read(e, topic, payload, shades.get(configTopic));
                if (readings.containsKey("windowShade")) {
                    shades.put(configTopic, (String) readings.get("windowShade").value());
                }
                if (readings.containsKey("hue") && readings.containsKey("saturation")) {
                    colors.put(configTopic, new BigDecimal[]{(BigDecimal) readings.get("hue").value(),
                            (BigDecimal) readings.get("saturation").value()});
                }
                if (!readings.isEmpty()) {
                    sink.report(id, readings);
                }
            }
        }
    }

    private void config(String topic, byte[] payload) {
        String[] levels = topic.substring(prefix.length() + 1).split("/", -1);
        if ((levels.length != 3 && levels.length != 4) || !java.util.Arrays.stream(levels).allMatch(l ->
                SEGMENT.matcher(l).matches())) {
            sink.problem("ha-topic", "a discovery topic Hearth doesn't read: " + topic);
            return;
        }
        String component = levels[0];
        String objectId = levels[levels.length - 2];
        if (payload.length == 0) {
            remove(topic);
            return;
        }
        if (!HomeAssistantCapabilities.supported(component)) {
            return; // number, select, fan...: Home Assistant's, not a Hearth capability
        }
        Optional<JsonNode> json = HubJson.parse(payload);
        HomeAssistantDiscovery c = json.map(j -> HomeAssistantDiscovery.parse(component, objectId, j)).orElse(null);
        if (c == null || c.stateTopic() == null && c.commandTopic() == null && (c.climate() == null
                || c.climate().stateTopics().isEmpty() && !c.climate().hasCommandTopic())) {
            sink.problem("ha-config", "a discovery config that is not a JSON object with a state or command topic: "
                    + topic);
            return;
        }
        String firstState = c.stateTopic() != null || c.climate() == null || c.climate().stateTopics().isEmpty()
                ? c.stateTopic() : c.climate().stateTopics().get(0);
        if (zigbee2mqttBase != null && firstState != null && firstState.startsWith(zigbee2mqttBase + "/")) {
            return; // zigbee2mqtt's own discovery: its adapter has the device already
        }
        if (!entities.containsKey(topic) && entities.size() >= maxEntities) {
            sink.problem("ha-too-many", "more than " + maxEntities + " discovered entities; the rest are ignored");
            return;
        }
        Row row = HomeAssistantCapabilities.row(component, c.deviceClass()).orElse(null);
        String groupKey = c.groupKey();
        // A second entity with the same capability in one device (a two-relay board) is a device of its own.
        for (Entity other : entities.values()) {
            if (!other.configTopic().equals(topic) && other.groupKey().equals(groupKey) && row != null
                    && other.row() != null && other.row().capability().equals(row.capability())) {
                groupKey = groupKey + "/" + (c.uniqueId() != null ? c.uniqueId() : objectId);
                break;
            }
        }
        Entity entity = new Entity(topic, c, row, groupKey);
        Entity before = entities.put(topic, entity);
        if (before != null) {
            unindex(before);
        }
        for (String t : topicsOf(entity)) {
            byTopic.computeIfAbsent(t, k -> ConcurrentHashMap.newKeySet()).add(topic);
        }
        if (before != null && !before.groupKey().equals(groupKey)) {
            regroup(before.groupKey());
        }
        regroup(groupKey);
        List<String> topics = topicsOf(entity);
        if (!topics.isEmpty()) {
            sink.subscribe(topics);
        }
    }

    private void remove(String configTopic) {
        Entity gone = entities.remove(configTopic);
        colors.remove(configTopic);
        shades.remove(configTopic);
        if (gone != null) {
            unindex(gone);
            regroup(gone.groupKey());
        }
    }

    private void unindex(Entity e) {
        for (String t : topicsOf(e)) {
            Set<String> listening = byTopic.get(t);
            if (listening != null) {
                listening.remove(e.configTopic());
                if (listening.isEmpty()) {
                    byTopic.remove(t);
                }
            }
        }
    }

    /** The group's Hearth device, made, changed or removed to fit its entities. */
    private void regroup(String groupKey) {
        List<Entity> members = entities.values().stream().filter(e -> e.groupKey().equals(groupKey)).toList();
        String address = PROTOCOL + ":" + groupKey;
        if (members.isEmpty()) {
            deviceIds.remove(groupKey);
            sink.remove(address);
            return;
        }
        Set<String> capabilities = new LinkedHashSet<>();
        for (Entity e : members) {
            if (e.row() != null) {
                capabilities.add(e.row().capability());
                if (e.config().component().equals("light") && (e.config().brightness()
                        || e.config().brightnessCommandTopic() != null
                        || e.config().templateSchema() && e.config().brightnessTemplate() != null)) {
                    capabilities.add("switchLevel");
                }
                if (e.config().component().equals("light") && e.config().colorMode() != null) {
                    capabilities.add("colorControl");
                }
                if (e.config().climate() != null && e.config().climate().currentTemperatureTopic() != null) {
                    capabilities.add("temperatureMeasurement"); // as SmartThings' thermostats have it
                }
            }
        }
        if (capabilities.contains("switch") || capabilities.contains("lock") || capabilities.contains("windowShade")
                || members.stream().anyMatch(e -> e.config().climate() != null && e.config().climate().hasCommandTopic())) {
            capabilities.add("actuator");
        }
        if (members.stream().anyMatch(e -> e.config().availabilityTopic() != null)) {
            capabilities.add("healthCheck");
        }
        HomeAssistantDiscovery first = members.get(0).config();
        String label = first.label();
        if (!groupKey.equals(first.groupKey()) && first.name() != null && !first.name().isBlank()) {
            label = (first.deviceName() == null ? "" : first.deviceName() + " ") + first.name(); // a split entity
        }
        String id = sink.upsert(new HubSink.Discovered(address, label, first.typeName(),
                List.copyOf(capabilities)));
        if (id != null) {
            deviceIds.put(groupKey, id);
        }
    }

    private static List<String> topicsOf(Entity e) {
        List<String> out = new ArrayList<>();
        HomeAssistantDiscovery c = e.config();
        for (String t : new String[]{c.stateTopic(), c.availabilityTopic(), c.brightnessStateTopic()}) {
            if (t != null) {
                out.add(t);
            }
        }
        if (c.climate() != null) {
            c.climate().stateTopics().stream().filter(t -> !out.contains(t)).forEach(out::add);
        }
        return out;
    }

    /** An entity's state message as Hearth attributes. */
    static Map<String, Reading> read(Entity e, String topic, byte[] payload) {
        return read(e, topic, payload, null);
    }

    /**
     * An entity's state message as Hearth attributes.
     *
     * @param shade the cover's last windowShade, or null: a "stopped" leaves it closed if it was
     *              closing or closed, else open (Home Assistant's cover without a position topic)
     */
    static Map<String, Reading> read(Entity e, String topic, byte[] payload, String shade) {
        HomeAssistantDiscovery c = e.config();
        Map<String, Reading> out = new LinkedHashMap<>();
        if (c.climate() != null) {
            return HomeAssistantClimate.read(c.climate(), topic, payload);
        }
        if (c.component().equals("light") && c.jsonSchema() && topic.equals(c.stateTopic())) {
            JsonNode json = HubJson.parse(payload).orElse(null);
            if (json == null || !json.isObject()) {
                return out;
            }
            JsonNode state = json.get("state");
            if (state != null && state.isString()) {
                out.put("switch", new Reading(state.asString().equals("ON") ? "on" : "off", null));
            }
            JsonNode brightness = json.get("brightness");
            if (brightness != null && brightness.isNumber()) {
                out.put("level", new Reading(percent(brightness.decimalValue(), c.brightnessScale()), "%"));
            }
            JsonNode color = json.get("color");
            if ("hs".equals(c.colorMode()) && color != null && color.isObject() && color.path("h").isNumber()
                    && color.path("s").isNumber()) {
                out.put("hue", new Reading(percent(color.get("h").decimalValue(), 360), "%"));
                out.put("saturation", new Reading(percent(color.get("s").decimalValue(), 100), "%"));
            } else if ("rgb".equals(c.colorMode()) && color != null && color.isObject() && color.path("r").isInt()
                    && color.path("g").isInt() && color.path("b").isInt()) {
                float[] hsb = java.awt.Color.RGBtoHSB(clamp(color.get("r").asInt()), clamp(color.get("g").asInt()),
                        clamp(color.get("b").asInt()), null);
                out.put("hue", new Reading(BigDecimal.valueOf(Math.round(hsb[0] * 100)), "%"));
                out.put("saturation", new Reading(BigDecimal.valueOf(Math.round(hsb[1] * 100)), "%"));
            }
            return out;
        }
        if (c.component().equals("light") && c.templateSchema() && topic.equals(c.stateTopic())) {
            // a template light (Shelly's): its state_template says on/off, its brightness_template 0..255
            String state = c.stateTemplate() == null ? null : c.stateTemplate().apply(payload);
            if ("on".equals(state) || "off".equals(state)) {
                out.put("switch", new Reading(state, null));
            }
            BigDecimal level = c.brightnessTemplate() == null ? null : number(or(c.brightnessTemplate()
                    .apply(payload), ""));
            if (level != null) {
                out.put("level", new Reading(percent(level, 255), "%"));
            }
            return out;
        }
        if (topic.equals(c.brightnessStateTopic()) && !topic.equals(c.stateTopic())) {
            try {
                out.put("level", new Reading(percent(new BigDecimal(new String(payload, StandardCharsets.UTF_8)
                        .trim()), c.brightnessScale()), "%"));
            } catch (NumberFormatException e2) {
                // not a number: nothing to say
            }
            return out;
        }
        String value = c.valueTemplate() == null ? null : c.valueTemplate().apply(payload);
        if (value == null || value.length() > 1000) {
            return out;
        }
        Row row = e.row();
        if (row == null && c.component().equals("binary_sensor")) {
            // no capability for its class (a Shelly input has none): on/off by its payloads
            if (value.equals(c.payloadOn()) || value.equals(c.payloadOff())) {
                out.put(e.attribute(), new Reading(value.equals(c.payloadOn()) ? "on" : "off", null));
            }
            return out;
        }
        if (row == null) {
            out.put(e.attribute(), new Reading(number(value) != null ? number(value) : value, c.unit()));
            return out;
        }
        switch (c.component()) {
            case "switch", "light" -> {
                if (value.equals(c.stateOn())) {
                    out.put("switch", new Reading("on", null));
                } else if (value.equals(c.stateOff())) {
                    out.put("switch", new Reading("off", null));
                }
            }
            case "binary_sensor" -> {
                if (value.equals(c.payloadOn())) {
                    out.put(row.attribute(), new Reading(row.on(), null));
                } else if (value.equals(c.payloadOff())) {
                    out.put(row.attribute(), new Reading(row.off(), null));
                }
            }
            case "sensor" -> {
                BigDecimal n = number(value);
                if (n != null) {
                    out.put(row.attribute(), new Reading(n, Zigbee2MqttCapabilities.unit(c.unit())));
                }
            }
            case "lock" -> {
                if (value.equals(c.stateLocked())) {
                    out.put("lock", new Reading("locked", null));
                } else if (value.equals(c.stateUnlocked())) {
                    out.put("lock", new Reading("unlocked", null));
                } else if (value.equalsIgnoreCase("jammed")) {
                    out.put("lock", new Reading("unknown", null));
                }
            }
            case "cover" -> {
                // Home Assistant's order (cover.py): stopped, opening, closing, then open and closed, so
                // a Shelly roller's "open" (its stat_opening) is opening
                String shadeNow = value.equals(c.stateStopped())
                        ? ("closed".equals(shade) || "closing".equals(shade) ? "closed" : "open")
                        : value.equals(c.stateOpening()) ? "opening"
                        : value.equals(c.stateClosing()) ? "closing"
                        : value.equals(c.stateOpen()) ? "open"
                        : value.equals(c.stateClosed()) ? "closed" : null;
                if (shadeNow != null) {
                    out.put("windowShade", new Reading(shadeNow, null));
                }
            }
            default -> {
            }
        }
        return out;
    }

    @Override
    public Optional<Outgoing> command(String deviceId, String command, List<Object> arguments) {
        String groupKey = deviceIds.entrySet().stream().filter(e -> e.getValue().equals(deviceId))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (groupKey == null) {
            return Optional.empty();
        }
        if (command.equals("ping")) {
            return Optional.of(Outgoing.NOTHING); // its availability topic says it by itself
        }
        List<Entity> members = entities.values().stream().filter(e -> e.groupKey().equals(groupKey)).toList();
        boolean hasSwitch = members.stream().anyMatch(m -> m.row() != null && m.row().capability().equals("switch")
                && m.config().commandTopic() != null);
        String capability = switch (command) {
            // off is the switch's and the thermostat's (LocalDevices): a thermostat's when there is no switch
            case "off" -> hasSwitch ? "switch" : "thermostat";
            case "on", "setLevel", "setHue", "setSaturation", "setColor" -> "switch";
            case "lock", "unlock" -> "lock";
            case "open", "close", "presetPosition" -> "windowShade";
            case "setHeatingSetpoint", "setCoolingSetpoint", "setThermostatMode", "heat", "cool", "auto",
                 "emergencyHeat" -> "thermostat";
            default -> null;
        };
        Entity e = members.stream().filter(m -> m.row() != null && m.row().capability().equals(capability)
                && (m.config().commandTopic() != null || m.config().climate() != null
                && m.config().climate().hasCommandTopic())).findFirst()
                .orElseThrow(() -> new UnsupportedCommandException(
                "the device has no Home Assistant entity that '" + command + "' can drive"));
        HomeAssistantDiscovery c = e.config();
        if (c.climate() != null) {
            return Optional.of(HomeAssistantClimate.command(c.climate(), command, arguments));
        }
        if (c.component().equals("light") && c.templateSchema()) {
            throw new UnsupportedCommandException("the light's " + (command.equals("off") ? "command_off_template"
                    : "command_on_template") + " is beyond Hearth (it renders no command templates); '" + command
                    + "' was not sent");
        }
        return Optional.of(switch (command) {
            case "on", "off" -> c.component().equals("light") && c.jsonSchema()
                    ? json(c.commandTopic(), ordered("state", command.equals("on") ? "ON" : "OFF"))
                    : text(c.commandTopic(), command.equals("on") ? c.payloadOn() : c.payloadOff());
            case "setLevel" -> {
                long value = new BigDecimal(String.valueOf(arguments.get(0))).multiply(BigDecimal.valueOf(
                        c.brightnessScale())).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValue();
                if (c.jsonSchema()) {
                    Map<String, Object> body = ordered("state", value > 0 ? "ON" : "OFF");
                    body.put("brightness", value);
                    yield json(c.commandTopic(), body);
                }
                if (c.brightnessCommandTopic() == null) {
                    throw new UnsupportedCommandException("the light has no brightness command topic");
                }
                yield text(c.brightnessCommandTopic(), String.valueOf(value));
            }
            case "setHue", "setSaturation", "setColor" -> {
                if (c.colorMode() == null) {
                    throw new UnsupportedCommandException("the light takes no colour");
                }
                BigDecimal[] hs = colors.getOrDefault(e.configTopic(), new BigDecimal[]{BigDecimal.ZERO,
                        BigDecimal.valueOf(100)});
                BigDecimal hue = hs[0];
                BigDecimal saturation = hs[1];
                if (command.equals("setHue")) {
                    hue = new BigDecimal(String.valueOf(arguments.get(0)));
                } else if (command.equals("setSaturation")) {
                    saturation = new BigDecimal(String.valueOf(arguments.get(0)));
                } else if (arguments.get(0) instanceof Map<?, ?> map) {
                    hue = map.get("hue") == null ? hue : new BigDecimal(String.valueOf(map.get("hue")));
                    saturation = map.get("saturation") == null ? saturation
                            : new BigDecimal(String.valueOf(map.get("saturation")));
                }
                Map<String, Object> body = ordered("state", "ON");
                if (c.colorMode().equals("hs")) {
                    Map<String, Object> hsColor = ordered("h", hue.multiply(BigDecimal.valueOf(360))
                            .divide(BigDecimal.valueOf(100), 1, RoundingMode.HALF_UP));
                    hsColor.put("s", saturation);
                    body.put("color", hsColor);
                } else {
                    int rgb = java.awt.Color.HSBtoRGB(hue.floatValue() / 100f, saturation.floatValue() / 100f, 1f);
                    Map<String, Object> rgbColor = ordered("r", (rgb >> 16) & 0xff);
                    rgbColor.put("g", (rgb >> 8) & 0xff);
                    rgbColor.put("b", rgb & 0xff);
                    body.put("color", rgbColor);
                }
                yield json(c.commandTopic(), body);
            }
            case "lock", "unlock" -> text(c.commandTopic(), command.equals("lock") ? c.payloadLock() : c.payloadUnlock());
            case "open", "close" -> text(c.commandTopic(), command.equals("open") ? c.payloadOpen() : c.payloadClose());
            default -> throw new UnsupportedCommandException("'" + command + "' is not sent to Home Assistant "
                    + "MQTT devices");
        });
    }

    private static Map<String, Object> ordered(String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key, value);
        return out;
    }

    private static Outgoing text(String topic, String payload) {
        return new Outgoing(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static Outgoing json(String topic, Map<String, Object> payload) {
        return new Outgoing(topic, HubJson.write(payload));
    }

    private static BigDecimal percent(BigDecimal value, double scale) {
        return value.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(scale), 0, RoundingMode.HALF_UP)
                .max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    private static BigDecimal number(String value) {
        try {
            return value.length() > 40 ? null : new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
