package hearth.hub;

import hearth.device.LocalDevices.Reading;
import hearth.engine.api.UnsupportedCommandException;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
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
 * Tasmota's own discovery ({@code tasmota_xdrv_driver/xdrv_12_discovery.ino}): a retained
 * {@code tasmota/discovery/<MAC>/config} says the device's topic, full topic and prefixes, relays
 * and light type; {@code .../sensors} its sensors. Then {@code stat/<t>/POWER}, {@code RESULT},
 * {@code tele/<t>/STATE}, {@code SENSOR} and {@code LWT} carry its state, and
 * {@code cmnd/<t>/POWER} or {@code Dimmer} its commands.
 */
final class TasmotaAdapter implements ProtocolAdapter {
    static final String PROTOCOL = "tasmota";
    static final String DISCOVERY = "tasmota/discovery/";
    private static final Pattern MAC = Pattern.compile("[0-9A-Fa-f]{12}");
    private static final Pattern TOPIC_PART = Pattern.compile("[^/+#\\u0000]{1,64}");

    private final HubSink sink;
    private final int maxDevices;
    private final Map<String, Device> byMac = new ConcurrentHashMap<>();

    /**
     * One Tasmota device.
     *
     * @param stat     its stat topic prefix ({@code stat/plug/}), tele and cmnd likewise
     * @param power    the POWER command name: {@code POWER} for one relay, {@code POWER1} for several
     * @param states   its texts for off, on, toggle, hold
     * @param sensors  the capabilities its sensors gave
     */
    record Device(String mac, String name, String model, String stat, String tele, String cmnd, String power,
                  boolean dimmer, List<String> states, String offline, String online, Set<String> sensors,
                  String deviceId, boolean color) {
        Device withSensors(Set<String> s, String id) {
            return new Device(mac, name, model, stat, tele, cmnd, power, dimmer, states, offline, online, s, id, color);
        }

        List<String> capabilities() {
            Set<String> out = new LinkedHashSet<>();
            if (power != null) {
                out.add("switch");
                out.add("actuator");
            }
            if (dimmer) {
                out.add("switchLevel");
            }
            if (color) {
                out.add("colorControl");
            }
            out.addAll(sensors);
            out.add("healthCheck"); // its LWT
            return List.copyOf(out);
        }
    }

    TasmotaAdapter(HubSink sink, int maxDevices) {
        this.sink = sink;
        this.maxDevices = maxDevices;
    }

    @Override
    public List<String> topicFilters() {
        List<String> out = new ArrayList<>(List.of(DISCOVERY + "+/config", DISCOVERY + "+/sensors"));
        for (Device d : byMac.values()) {
            out.add(d.stat() + "+");
            out.add(d.tele() + "+");
        }
        return out;
    }

    @Override
    public boolean handles(String topic) {
        return topic.startsWith(DISCOVERY) || device(topic).isPresent();
    }

    @Override
    public void onMessage(String topic, byte[] payload) {
        if (topic.startsWith(DISCOVERY)) {
            String[] levels = topic.substring(DISCOVERY.length()).split("/", -1);
            if (levels.length != 2 || !MAC.matcher(levels[0]).matches()) {
                return;
            }
            String mac = levels[0].toUpperCase(java.util.Locale.ROOT);
            if (levels[1].equals("config")) {
                config(mac, payload);
            } else if (levels[1].equals("sensors")) {
                sensors(mac, payload);
            }
            return;
        }
        Optional<Device> found = device(topic);
        if (found.isEmpty() || found.get().deviceId() == null || payload.length == 0) {
            return;
        }
        Device d = found.get();
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        String name = topic.substring(topic.lastIndexOf('/') + 1);
        Map<String, Reading> readings = new LinkedHashMap<>();
        if (topic.startsWith(d.stat()) && name.equals(d.power())) {
            power(d, text, readings);
        } else if (name.equals("LWT") && topic.startsWith(d.tele())) {
            if (text.equals(d.online()) || text.equals(d.offline())) {
                readings.put("healthStatus", new Reading(text.equals(d.online()) ? "online" : "offline", null));
            }
        } else if (name.equals("RESULT") || name.equals("STATE") || name.equals("SENSOR")) {
            JsonNode json = HubJson.parse(payload).orElse(null);
            if (json == null || !json.isObject()) {
                sink.problem("tasmota-json", "a Tasmota " + name + " that is not a JSON object");
                return;
            }
            JsonNode power = json.get(d.power());
            if (power != null && power.isString()) {
                power(d, power.asString(), readings);
            }
            JsonNode dimmer = json.get("Dimmer");
            if (d.dimmer() && dimmer != null && dimmer.isNumber()) {
                readings.put("level", new Reading(dimmer.decimalValue(), "%"));
            }
            JsonNode hsb = json.get("HSBColor");
            if (d.color() && hsb != null && hsb.isString()) {
                hsb(hsb.asString(), readings);
            }
            readings.putAll(TasmotaSensors.read(json));
        }
        if (!readings.isEmpty()) {
            sink.report(d.deviceId(), readings);
        }
    }

    /** Tasmota's {@code "HSBColor":"240,80,100"}: hue in degrees, saturation and brightness in %. */
    private static void hsb(String text, Map<String, Reading> readings) {
        String[] parts = text.split(",");
        if (parts.length != 3) {
            return;
        }
        try {
            BigDecimal hue = new BigDecimal(parts[0].trim());
            BigDecimal saturation = new BigDecimal(parts[1].trim());
            readings.put("hue", new Reading(hue.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(360), 0,
                    java.math.RoundingMode.HALF_UP).max(BigDecimal.ZERO).min(BigDecimal.valueOf(100)), "%"));
            readings.put("saturation", new Reading(saturation.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100)), "%"));
        } catch (NumberFormatException e) {
            // not Tasmota's numbers: nothing to say
        }
    }

    private void power(Device d, String text, Map<String, Reading> readings) {
        if (text.equals(d.states().get(1)) || text.equals("ON")) {
            readings.put("switch", new Reading("on", null));
        } else if (text.equals(d.states().get(0)) || text.equals("OFF")) {
            readings.put("switch", new Reading("off", null));
        }
    }

    private void config(String mac, byte[] payload) {
        if (payload.length == 0) {
            Device gone = byMac.remove(mac);
            if (gone != null) {
                sink.remove(PROTOCOL + ":" + mac);
            }
            return;
        }
        JsonNode c = HubJson.parse(payload).orElse(null);
        if (c == null || !c.isObject()) {
            sink.problem("tasmota-config", "a Tasmota discovery config that is not a JSON object");
            return;
        }
        String t = text(c, "t");
        String ft = text(c, "ft");
        JsonNode tp = c.get("tp");
        if (t == null || !TOPIC_PART.matcher(t).matches() || ft == null || tp == null || !tp.isArray()
                || tp.size() != 3) {
            sink.problem("tasmota-config", "a Tasmota discovery config without its topic (t, ft, tp)");
            return;
        }
        String cmnd = fullTopic(ft, text(tp, 0), t, mac, c);
        String stat = fullTopic(ft, text(tp, 1), t, mac, c);
        String tele = fullTopic(ft, text(tp, 2), t, mac, c);
        if (cmnd == null || stat == null || tele == null) {
            sink.problem("tasmota-config", "a Tasmota full topic Hearth can't use: " + ft);
            return;
        }
        int relays = 0;
        JsonNode rl = c.get("rl");
        if (rl != null && rl.isArray()) {
            for (JsonNode r : rl) {
                if (r.isInt() && (r.asInt() == 1 || r.asInt() == 2)) {
                    relays++;
                }
            }
        }
        JsonNode ltSt = c.get("lt_st");
        boolean dimmer = ltSt != null && ltSt.isInt() && ltSt.asInt() >= 1;
        List<String> states = new ArrayList<>(List.of("OFF", "ON", "TOGGLE", "HOLD"));
        JsonNode st = c.get("state");
        if (st != null && st.isArray() && st.size() == 4) {
            for (int i = 0; i < 4; i++) {
                String s = text(st, i);
                if (s != null) {
                    states.set(i, s);
                }
            }
        }
        String name = null;
        JsonNode fn = c.get("fn");
        if (fn != null && fn.isArray() && !fn.isEmpty()) {
            name = text(fn, 0);
        }
        if (name == null || name.isBlank()) {
            name = text(c, "dn");
        }
        if (name == null || name.isBlank()) {
            name = t;
        }
        Device before = byMac.get(mac);
        if (before == null && byMac.size() >= maxDevices) {
            sink.problem("tasmota-too-many", "more than " + maxDevices + " Tasmota devices; the rest are ignored");
            return;
        }
        Device d = new Device(mac, name, text(c, "md"), stat, tele, cmnd, relays == 0 ? null : relays == 1 ? "POWER"
                : "POWER1", dimmer, List.copyOf(states), or(text(c, "ofln"), "Offline"), or(text(c, "onln"), "Online"),
                before == null ? Set.of() : before.sensors(), null, ltSt != null && ltSt.isInt() && ltSt.asInt() >= 3);
        publish(d);
    }

    private void sensors(String mac, byte[] payload) {
        Device d = byMac.get(mac);
        JsonNode json = HubJson.parse(payload).orElse(null);
        if (d == null || json == null || !json.isObject() || !json.path("sn").isObject()) {
            return;
        }
        Map<String, Reading> readings = TasmotaSensors.read(json.get("sn"));
        Set<String> capabilities = new LinkedHashSet<>();
        for (String attribute : readings.keySet()) {
            TasmotaSensors.capability(attribute).ifPresent(capabilities::add);
        }
        Device withSensors = d.withSensors(Set.copyOf(capabilities), d.deviceId());
        if (!withSensors.sensors().equals(d.sensors())) {
            publish(withSensors);
        }
        if (withSensors.deviceId() != null && !readings.isEmpty()) {
            sink.report(byMac.get(mac).deviceId(), readings);
        }
    }

    private void publish(Device d) {
        String id = sink.upsert(new HubSink.Discovered(PROTOCOL + ":" + d.mac(), d.name(),
                d.model() == null ? "Tasmota" : "Tasmota " + d.model(), d.capabilities()));
        Device known = d.withSensors(d.sensors(), id);
        byMac.put(d.mac(), known);
        sink.subscribe(List.of(d.stat() + "+", d.tele() + "+"));
    }

    @Override
    public Optional<Outgoing> command(String deviceId, String command, List<Object> arguments) {
        Device d = byMac.values().stream().filter(x -> deviceId.equals(x.deviceId())).findFirst().orElse(null);
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(switch (command) {
            case "on", "off" -> {
                if (d.power() == null) {
                    throw new UnsupportedCommandException("the Tasmota device has no relay");
                }
                yield new Outgoing(d.cmnd() + d.power(), (command.equals("on") ? "ON" : "OFF")
                        .getBytes(StandardCharsets.UTF_8));
            }
            case "setLevel" -> {
                if (!d.dimmer()) {
                    throw new UnsupportedCommandException("the Tasmota device is not a dimmer");
                }
                yield new Outgoing(d.cmnd() + "Dimmer", new BigDecimal(String.valueOf(arguments.get(0))).toBigInteger()
                        .toString().getBytes(StandardCharsets.UTF_8));
            }
            case "ping" -> new Outgoing(d.cmnd() + "STATE", new byte[0]); // it answers with tele STATE
            case "setHue", "setSaturation", "setColor" -> {
                if (!d.color()) {
                    throw new UnsupportedCommandException("the Tasmota device has no colour light");
                }
                yield new Outgoing(d.cmnd() + "Backlog", hsbCommand(command, arguments.get(0))
                        .getBytes(StandardCharsets.UTF_8));
            }
            default -> throw new UnsupportedCommandException("'" + command + "' is not sent to Tasmota devices");
        });
    }

    /** HSBColor1 (hue, degrees) and HSBColor2 (saturation, %), one Backlog for both, so brightness stays. */
    private static String hsbCommand(String command, Object argument) {
        List<String> parts = new ArrayList<>();
        Object hue = command.equals("setHue") ? argument : argument instanceof Map<?, ?> m ? m.get("hue") : null;
        Object saturation = command.equals("setSaturation") ? argument
                : argument instanceof Map<?, ?> m ? m.get("saturation") : null;
        if (hue != null) {
            parts.add("HSBColor1 " + new BigDecimal(String.valueOf(hue)).multiply(BigDecimal.valueOf(360))
                    .divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_UP));
        }
        if (saturation != null) {
            parts.add("HSBColor2 " + new BigDecimal(String.valueOf(saturation)).setScale(0,
                    java.math.RoundingMode.HALF_UP));
        }
        if (parts.isEmpty()) {
            throw new UnsupportedCommandException("setColor needs a hue or a saturation");
        }
        return String.join("; ", parts);
    }

    private Optional<Device> device(String topic) {
        int slash = topic.lastIndexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String prefix = topic.substring(0, slash + 1);
        return byMac.values().stream().filter(d -> d.stat().equals(prefix) || d.tele().equals(prefix)).findFirst();
    }

    /** {@code %prefix%/%topic%/} with the device's values; null when the result could match other topics. */
    private static String fullTopic(String ft, String prefix, String topic, String mac, JsonNode c) {
        if (prefix == null) {
            return null;
        }
        String hostname = or(text(c, "hn"), topic);
        String out = ft.replace("%prefix%", prefix).replace("%topic%", topic).replace("%hostname%", hostname)
                .replace("%id%", mac.substring(6));
        if (!out.endsWith("/")) {
            out = out + "/";
        }
        if (out.contains("+") || out.contains("#") || out.contains("%") || out.startsWith("/") || out.length() > 200
                || out.codePoints().anyMatch(Character::isISOControl)) {
            return null;
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() && v.asString().length() <= 100 ? v.asString() : null;
    }

    private static String text(JsonNode array, int index) {
        JsonNode v = array.get(index);
        return v != null && v.isString() && v.asString().length() <= 100 ? v.asString() : null;
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
