package hearth.hub;

import hearth.device.LocalDevices.Reading;
import hearth.engine.api.UnsupportedCommandException;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * zigbee2mqtt's exposes to Hearth's capabilities, and Hearth's commands back to zigbee2mqtt's
 * {@code /set} JSON: one table each way, one row per mapping. A state property no row reads is
 * kept as a custom attribute under its own name, not dropped.
 */
final class Zigbee2MqttCapabilities {
    private static final Pattern CUSTOM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final int MAX_CUSTOM = 40;

    private Zigbee2MqttCapabilities() {
    }

    /** Reads one exposed property's state value into Hearth attributes (empty: nothing to say). */
    interface Reader {
        Map<String, Reading> read(Expose expose, JsonNode value);
    }

    /**
     * @param container the expose's container ({@code light}, {@code lock}...), {@code *} for any
     * @param property  the property, or its prefix before {@code _} for endpoints ({@code state_l1})
     */
    record Row(String container, String property, String type, String capability, Reader reader) {
        boolean matches(Expose e) {
            boolean container = this.container.equals("*") || this.container.equals(e.container());
            boolean property = e.property().equals(this.property) || (e.container() != null
                    && e.property().startsWith(this.property + "_") && !this.property.contains("_"));
            return container && property && type.equals(e.type());
        }
    }

    /** An expose read by a row. */
    record Binding(Expose expose, Row row) {
    }

    static final List<Row> ROWS = List.of(
            new Row("light", "state", "binary", "switch", (e, v) -> one("switch", e.isOn(v) ? "on" : "off", null)),
            new Row("switch", "state", "binary", "switch", (e, v) -> one("switch", e.isOn(v) ? "on" : "off", null)),
            new Row("light", "brightness", "numeric", "switchLevel", (e, v) -> !v.isNumber() ? Map.of()
                    : one("level", scale(v.decimalValue(), 100, max(e, 254)), "%")),
            new Row("light", "color_temp", "numeric", "colorTemperature", (e, v) ->
                    !v.isNumber() || v.asDouble() <= 0 ? Map.of()
                            : one("colorTemperature", Math.round(1_000_000 / v.asDouble()), "K")),
            new Row("light", "color", "composite", "colorControl", Zigbee2MqttCapabilities::color),
            new Row("lock", "state", "binary", "lock", (e, v) -> one("lock", e.isOn(v) ? "locked" : "unlocked", null)),
            new Row("lock", "lock_state", "enum", "lock", (e, v) -> one("lock", switch (v.asString()) {
                case "locked" -> "locked";
                case "unlocked" -> "unlocked";
                default -> "unknown";
            }, null)),
            new Row("cover", "state", "enum", "windowShade", (e, v) -> switch (v.asString()) {
                case "OPEN" -> one("windowShade", "open", null);
                case "CLOSE" -> one("windowShade", "closed", null);
                default -> Map.of();
            }),
            new Row("climate", "local_temperature", "numeric", "thermostat", (e, v) -> number("temperature", e, v)),
            new Row("climate", "occupied_heating_setpoint", "numeric", "thermostat",
                    (e, v) -> number("heatingSetpoint", e, v)),
            new Row("climate", "occupied_cooling_setpoint", "numeric", "thermostat",
                    (e, v) -> number("coolingSetpoint", e, v)),
            new Row("climate", "system_mode", "enum", "thermostat", (e, v) -> switch (v.asString()) {
                case "off", "auto", "heat", "cool" -> one("thermostatMode", v.asString(), null);
                case "emergency_heating" -> one("thermostatMode", "emergency heat", null);
                default -> Map.of();
            }),
            // z2m's contact is true when the magnet is near (the door is closed): its value_on is false
            new Row("*", "contact", "binary", "contactSensor", (e, v) -> one("contact", e.isOn(v) ? "open" : "closed", null)),
            new Row("*", "occupancy", "binary", "motionSensor", (e, v) -> one("motion", e.isOn(v) ? "active" : "inactive", null)),
            new Row("*", "water_leak", "binary", "waterSensor", (e, v) -> one("water", e.isOn(v) ? "wet" : "dry", null)),
            new Row("*", "smoke", "binary", "smokeDetector", (e, v) -> one("smoke", e.isOn(v) ? "detected" : "clear", null)),
            new Row("*", "carbon_monoxide", "binary", "carbonMonoxideDetector",
                    (e, v) -> one("carbonMonoxide", e.isOn(v) ? "detected" : "clear", null)),
            new Row("*", "temperature", "numeric", "temperatureMeasurement", (e, v) -> number("temperature", e, v)),
            new Row("*", "humidity", "numeric", "relativeHumidityMeasurement", (e, v) -> number("humidity", e, v)),
            new Row("*", "illuminance_lux", "numeric", "illuminanceMeasurement", (e, v) -> number("illuminance", e, v)),
            new Row("*", "illuminance", "numeric", "illuminanceMeasurement", (e, v) -> number("illuminance", e, v)),
            new Row("*", "battery", "numeric", "battery", (e, v) -> number("battery", e, v)),
            new Row("*", "power", "numeric", "powerMeter", (e, v) -> number("power", e, v)),
            new Row("*", "energy", "numeric", "energyMeter", (e, v) -> number("energy", e, v)),
            new Row("*", "action", "enum", "button", Zigbee2MqttCapabilities::button));

    /** The rows that read these exposes: each row binds once (the first endpoint), each property once. */
    static List<Binding> bind(List<Expose> exposes) {
        List<Binding> out = new ArrayList<>();
        Set<Row> used = new LinkedHashSet<>();
        Set<String> capabilitiesBound = new LinkedHashSet<>();
        Set<String> properties = new LinkedHashSet<>();
        for (Expose e : exposes) {
            for (Row row : ROWS) {
                if (!used.contains(row) && !properties.contains(e.property()) && row.matches(e)
                        && !illuminanceTwice(row, capabilitiesBound)) {
                    used.add(row);
                    properties.add(e.property());
                    capabilitiesBound.add(row.capability());
                    out.add(new Binding(e, row));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean illuminanceTwice(Row row, Set<String> bound) {
        return row.capability().equals("illuminanceMeasurement") && bound.contains("illuminanceMeasurement");
    }

    /** The capabilities a device with these bindings has, in the table's order. */
    static List<String> capabilities(List<Binding> bindings) {
        Set<String> out = new LinkedHashSet<>();
        for (Row row : ROWS) {
            if (bindings.stream().anyMatch(b -> b.row() == row)) {
                out.add(row.capability());
            }
        }
        if (out.contains("switch") || out.contains("lock") || out.contains("windowShade")
                || out.contains("thermostat")) {
            out.add("actuator");
        }
        return List.copyOf(out);
    }

    /** A state message's values as attributes: the bound properties through their rows, the rest as custom. */
    static Map<String, Reading> read(List<Binding> bindings, JsonNode state) {
        Map<String, Reading> out = new LinkedHashMap<>();
        if (state == null || !state.isObject()) {
            return out;
        }
        Set<String> consumed = new LinkedHashSet<>();
        for (Binding b : bindings) {
            JsonNode v = state.get(b.expose().property());
            if (v == null || v.isNull()) {
                continue;
            }
            consumed.add(b.expose().property());
            if (!b.expose().type().equals("composite") && v.isContainer()) {
                continue;
            }
            out.putAll(b.row().reader().read(b.expose(), v));
            if (b.row().capability().equals("button")) {
                consumed.remove(b.expose().property()); // the raw action stays visible (double, triple...)
            }
        }
        int custom = 0;
        for (Map.Entry<String, JsonNode> field : state.properties()) {
            String name = field.getKey();
            JsonNode v = field.getValue();
            if (consumed.contains(name) || out.containsKey(name) || v.isContainer() || v.isNull()
                    || !CUSTOM_NAME.matcher(name).matches() || custom >= MAX_CUSTOM) {
                continue;
            }
            if (v.isString() && v.asString().isEmpty() && name.equals("action")) {
                continue; // z2m clears an action with ""
            }
            custom++;
            Object value = v.isNumber() ? v.decimalValue() : v.isBoolean() ? (Object) v.asBoolean() : v.asString();
            out.put(name, new Reading(value, null, name.equals("action")));
        }
        return out;
    }

    /**
     * The {@code /set} JSON for a Hearth command, whose arguments the device's capabilities have
     * already checked.
     *
     * @throws UnsupportedCommandException when the device exposes nothing the command can drive
     */
    static Map<String, Object> command(List<Binding> bindings, String command, List<Object> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (command) {
            case "on", "off" -> {
                Expose e = bound(bindings, "switch", command);
                out.put(e.property(), e.binaryValue(command.equals("on")));
            }
            case "setLevel" -> {
                Expose e = bound(bindings, "switchLevel", command);
                BigDecimal level = decimal(args.get(0));
                out.put(e.property(), scale(level, max(e, 254), 100).intValue());
                if (args.size() > 1 && args.get(1) != null) {
                    out.put("transition", decimal(args.get(1)));
                }
            }
            case "setColorTemperature" -> {
                Expose e = bound(bindings, "colorTemperature", command);
                long mired = Math.round(1_000_000 / decimal(args.get(0)).doubleValue());
                if (e.valueMin() != null) {
                    mired = Math.max(mired, Math.round(e.valueMin()));
                }
                if (e.valueMax() != null) {
                    mired = Math.min(mired, Math.round(e.valueMax()));
                }
                out.put(e.property(), mired);
            }
            case "setHue", "setSaturation", "setColor" -> {
                Expose e = bound(bindings, "colorControl", command);
                Map<String, Object> color = new LinkedHashMap<>();
                if (command.equals("setHue")) {
                    color.put("hue", hueDegrees(args.get(0)));
                } else if (command.equals("setSaturation")) {
                    color.put("saturation", decimal(args.get(0)));
                } else if (args.get(0) instanceof Map<?, ?> map) {
                    if (map.get("hue") != null) {
                        color.put("hue", hueDegrees(map.get("hue")));
                    }
                    if (map.get("saturation") != null) {
                        color.put("saturation", decimal(map.get("saturation")));
                    }
                    if (map.get("hex") instanceof String hex && hex.matches("#[0-9a-fA-F]{6}")) {
                        color.put("hex", hex);
                    }
                }
                out.put(e.property(), color);
            }
            case "lock", "unlock" -> {
                Expose e = bindings.stream().filter(b -> b.row().capability().equals("lock")
                        && b.expose().type().equals("binary")).map(Binding::expose).findFirst()
                        .orElseThrow(() -> cannot(command));
                out.put(e.property(), e.binaryValue(command.equals("lock")));
            }
            case "open", "close" -> {
                Expose e = bound(bindings, "windowShade", command);
                out.put(e.property(), command.equals("open") ? "OPEN" : "CLOSE");
            }
            case "presetPosition" -> {
                bound(bindings, "windowShade", command);
                out.put("position", 50);
            }
            case "setHeatingSetpoint" -> out.put(boundProperty(bindings, "occupied_heating_setpoint", command),
                    decimal(args.get(0)));
            case "setCoolingSetpoint" -> out.put(boundProperty(bindings, "occupied_cooling_setpoint", command),
                    decimal(args.get(0)));
            case "heat", "cool", "auto" -> out.put(boundProperty(bindings, "system_mode", command), command);
            case "emergencyHeat" -> out.put(boundProperty(bindings, "system_mode", command), "emergency_heating");
            case "setThermostatMode" -> out.put(boundProperty(bindings, "system_mode", command),
                    Objects.toString(args.get(0)).replace("emergency heat", "emergency_heating"));
            default -> throw cannot(command);
        }
        return out;
    }

    private static Expose bound(List<Binding> bindings, String capability, String command) {
        return bindings.stream().filter(b -> b.row().capability().equals(capability)).map(Binding::expose)
                .findFirst().orElseThrow(() -> cannot(command));
    }

    private static String boundProperty(List<Binding> bindings, String property, String command) {
        return bindings.stream().map(Binding::expose).filter(e -> e.property().equals(property)).findFirst()
                .orElseThrow(() -> cannot(command)).property();
    }

    private static UnsupportedCommandException cannot(String command) {
        return new UnsupportedCommandException("the device exposes nothing that '" + command
                + "' can drive over zigbee2mqtt");
    }

    private static Map<String, Reading> one(String attribute, Object value, String unit) {
        return Map.of(attribute, new Reading(value, unit));
    }

    private static Map<String, Reading> number(String attribute, Expose e, JsonNode v) {
        return v.isNumber() ? one(attribute, v.decimalValue(), unit(e.unit())) : Map.of();
    }

    /** Units as published; degrees as classic writes them (C, F). */
    static String unit(String unit) {
        if (unit == null) {
            return null;
        }
        return switch (unit) {
            case "°C" -> "C";
            case "°F" -> "F";
            case "lx" -> "lux";
            default -> unit.length() <= 20 ? unit : null;
        };
    }

    private static Map<String, Reading> color(Expose e, JsonNode v) {
        if (!v.isObject()) {
            return Map.of();
        }
        Map<String, Reading> out = new LinkedHashMap<>();
        JsonNode hue = v.get("hue");
        JsonNode saturation = v.get("saturation");
        if (hue != null && hue.isNumber()) {
            out.put("hue", new Reading(scale(hue.decimalValue(), 100, 360), "%"));
        }
        if (saturation != null && saturation.isNumber()) {
            out.put("saturation", new Reading(saturation.decimalValue().setScale(0, RoundingMode.HALF_UP), "%"));
        }
        return out;
    }

    /** z2m's action names: a hold is "held", a release is nothing, any press "pushed". */
    private static Map<String, Reading> button(Expose e, JsonNode v) {
        String action = v.asString();
        if (action.isEmpty() || action.contains("release")) {
            return Map.of();
        }
        String value = action.contains("hold") || action.contains("long") ? "held" : "pushed";
        return Map.of("button", new Reading(value, null, true));
    }

    private static double max(Expose e, double fallback) {
        return e.valueMax() != null && e.valueMax() > 0 ? e.valueMax() : fallback;
    }

    /** value × to ÷ from, rounded to a whole number and kept within 0..to. */
    private static BigDecimal scale(BigDecimal value, double to, double from) {
        BigDecimal scaled = value.multiply(BigDecimal.valueOf(to)).divide(BigDecimal.valueOf(from), 0,
                RoundingMode.HALF_UP);
        return scaled.max(BigDecimal.ZERO).min(BigDecimal.valueOf(to).setScale(0, RoundingMode.HALF_UP));
    }

    private static BigDecimal hueDegrees(Object percent) {
        return scale(decimal(percent), 360, 100);
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value));
    }
}
