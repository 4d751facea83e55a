package hearth.engine.capability;

import hearth.engine.capability.Capability.Argument;
import hearth.engine.capability.Capability.Attribute;
import hearth.engine.capability.Capability.Attribute.Type;
import hearth.engine.capability.Capability.Command;
import hearth.engine.capability.Capability.Effect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The capabilities Hearth knows, with the names, attributes and commands of the classic
 * SmartThings capabilities reference. Virtual devices behave by the commands' effects, and a
 * new virtual device starts with each ENUM attribute at its first value (the resting state:
 * off, closed, inactive, ...), so the order of {@code enumAttr} values matters.
 */
public final class Capabilities {

    private static final Map<String, Capability> BY_ID;
    private static final Map<String, Capability> BY_NAME;

    static {
        List<Capability> all = List.of(
                cap("actuator", "Actuator").build(),
                cap("sensor", "Sensor").build(),
                cap("switch", "Switch")
                        .enumAttr("switch", "off", "on")
                        .cmd("on", Effect.set("switch", "on"))
                        .cmd("off", Effect.set("switch", "off")).build(),
                cap("switchLevel", "Switch Level")
                        .number("level", "%")
                        .cmd("setLevel", List.of(percent("level"), optionalNumber("rate")),
                                Effect.fromArgument("level", 0)).build(),
                cap("contactSensor", "Contact Sensor").enumAttr("contact", "closed", "open").build(),
                cap("motionSensor", "Motion Sensor").enumAttr("motion", "inactive", "active").build(),
                cap("accelerationSensor", "Acceleration Sensor").enumAttr("acceleration", "inactive", "active").build(),
                cap("presenceSensor", "Presence Sensor").enumAttr("presence", "present", "not present").build(),
                cap("waterSensor", "Water Sensor").enumAttr("water", "dry", "wet").build(),
                cap("smokeDetector", "Smoke Detector").enumAttr("smoke", "clear", "detected", "tested").build(),
                cap("carbonMonoxideDetector", "Carbon Monoxide Detector")
                        .enumAttr("carbonMonoxide", "clear", "detected", "tested").build(),
                cap("temperatureMeasurement", "Temperature Measurement").number("temperature", "F").build(),
                cap("relativeHumidityMeasurement", "Relative Humidity Measurement").number("humidity", "%").build(),
                cap("illuminanceMeasurement", "Illuminance Measurement").number("illuminance", "lux").build(),
                cap("battery", "Battery").number("battery", "%").build(),
                cap("powerMeter", "Power Meter").number("power", "W").build(),
                cap("energyMeter", "Energy Meter").number("energy", "kWh").build(),
                cap("lock", "Lock")
                        .enumAttr("lock", "locked", "unlocked", "unknown", "unlocked with timeout")
                        .cmd("lock", Effect.set("lock", "locked"))
                        .cmd("unlock", Effect.set("lock", "unlocked")).build(),
                cap("button", "Button").enumAttr("button", "pushed", "held").number("numberOfButtons", null).build(),
                cap("momentary", "Momentary").cmd("push").build(),
                // Classic's Health Check (DeviceHealth in the modern API): a hub's device reports
                // whether it is reachable; a virtual device is always online.
                cap("healthCheck", "Health Check")
                        .enumAttr("healthStatus", "online", "offline", "unhealthy")
                        .enumAttr("DeviceWatch-DeviceStatus", "online", "offline")
                        .number("checkInterval", "s")
                        .cmd("ping").build(),
                cap("refresh", "Refresh").cmd("refresh").build(),
                cap("polling", "Polling").cmd("poll").build(),
                cap("tone", "Tone").cmd("beep").build(),
                cap("notification", "Notification")
                        .cmd("deviceNotification", List.of(string("text", true))).build(),
                cap("speechSynthesis", "Speech Synthesis").cmd("speak", List.of(string("phrase", true))).build(),
                cap("alarm", "Alarm")
                        .enumAttr("alarm", "off", "strobe", "siren", "both")
                        .cmd("off", Effect.set("alarm", "off"))
                        .cmd("strobe", Effect.set("alarm", "strobe"))
                        .cmd("siren", Effect.set("alarm", "siren"))
                        .cmd("both", Effect.set("alarm", "both")).build(),
                cap("doorControl", "Door Control")
                        .enumAttr("door", "closed", "open", "closing", "opening", "unknown")
                        .cmd("open", Effect.set("door", "open"))
                        .cmd("close", Effect.set("door", "closed")).build(),
                cap("garageDoorControl", "Garage Door Control")
                        .enumAttr("door", "closed", "open", "closing", "opening", "unknown")
                        .cmd("open", Effect.set("door", "open"))
                        .cmd("close", Effect.set("door", "closed")).build(),
                cap("valve", "Valve")
                        .enumAttr("valve", "open", "closed")
                        .cmd("open", Effect.set("valve", "open"))
                        .cmd("close", Effect.set("valve", "closed")).build(),
                cap("windowShade", "Window Shade")
                        .enumAttr("windowShade", "closed", "open", "closing", "opening", "partially open", "unknown")
                        .cmd("open", Effect.set("windowShade", "open"))
                        .cmd("close", Effect.set("windowShade", "closed"))
                        .cmd("presetPosition", Effect.set("windowShade", "partially open")).build(),
                cap("colorControl", "Color Control")
                        .number("hue", "%").number("saturation", "%").string("color")
                        .cmd("setHue", List.of(percent("hue")), Effect.fromArgument("hue", 0))
                        .cmd("setSaturation", List.of(percent("saturation")), Effect.fromArgument("saturation", 0))
                        .cmd("setColor", List.of(new Argument("color", Type.JSON_OBJECT, true, null, null)),
                                Effect.fromArgument("color", 0)).build(),
                cap("colorTemperature", "Color Temperature")
                        .number("colorTemperature", "K")
                        .cmd("setColorTemperature", List.of(new Argument("temperature", Type.NUMBER, true, 1, 30000)),
                                Effect.fromArgument("colorTemperature", 0)).build(),
                cap("thermostat", "Thermostat")
                        .number("temperature", "F").number("heatingSetpoint", "F").number("coolingSetpoint", "F")
                        .number("thermostatSetpoint", "F")
                        .enumAttr("thermostatMode", "off", "auto", "emergency heat", "heat", "cool")
                        .enumAttr("thermostatFanMode", "auto", "on", "circulate")
                        .enumAttr("thermostatOperatingState", "idle", "heating", "pending cool", "vent economizer",
                                "cooling", "pending heat", "fan only")
                        .cmd("setHeatingSetpoint", List.of(number("setpoint")), Effect.fromArgument("heatingSetpoint", 0))
                        .cmd("setCoolingSetpoint", List.of(number("setpoint")), Effect.fromArgument("coolingSetpoint", 0))
                        .cmd("off", Effect.set("thermostatMode", "off"))
                        .cmd("heat", Effect.set("thermostatMode", "heat"))
                        .cmd("emergencyHeat", Effect.set("thermostatMode", "emergency heat"))
                        .cmd("cool", Effect.set("thermostatMode", "cool"))
                        .cmd("auto", Effect.set("thermostatMode", "auto"))
                        .cmd("setThermostatMode", List.of(string("mode", true)), Effect.fromArgument("thermostatMode", 0))
                        .cmd("fanOn", Effect.set("thermostatFanMode", "on"))
                        .cmd("fanAuto", Effect.set("thermostatFanMode", "auto"))
                        .cmd("fanCirculate", Effect.set("thermostatFanMode", "circulate"))
                        .cmd("setThermostatFanMode", List.of(string("mode", true)),
                                Effect.fromArgument("thermostatFanMode", 0)).build(),
                cap("musicPlayer", "Music Player")
                        .string("status").number("level", "%").string("trackDescription")
                        .enumAttr("mute", "unmuted", "muted")
                        .cmd("play", Effect.set("status", "playing"))
                        .cmd("pause", Effect.set("status", "paused"))
                        .cmd("stop", Effect.set("status", "stopped"))
                        .cmd("nextTrack").cmd("previousTrack")
                        .cmd("setLevel", List.of(percent("level")), Effect.fromArgument("level", 0))
                        .cmd("mute", Effect.set("mute", "muted"))
                        .cmd("unmute", Effect.set("mute", "unmuted"))
                        .cmd("playText", List.of(string("text", true))).build());

        Map<String, Capability> byId = new LinkedHashMap<>();
        Map<String, Capability> byName = new LinkedHashMap<>();
        for (Capability c : all) {
            byId.put(c.id().toLowerCase(Locale.ROOT), c);
            byName.put(c.name().toLowerCase(Locale.ROOT), c);
        }
        BY_ID = Collections.unmodifiableMap(byId);
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    private Capabilities() {
    }

    public static Collection<Capability> all() {
        return BY_ID.values();
    }

    /**
     * Finds a capability by its id ("switchLevel") or its display name ("Switch Level"),
     * ignoring case, as classic apps use both.
     */
    public static Optional<Capability> find(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        String key = idOrName.trim().toLowerCase(Locale.ROOT);
        Capability c = BY_ID.get(key);
        return Optional.ofNullable(c != null ? c : BY_NAME.get(key));
    }

    private static Argument percent(String name) {
        return new Argument(name, Type.NUMBER, true, 0, 100);
    }

    private static Argument number(String name) {
        return new Argument(name, Type.NUMBER, true, null, null);
    }

    private static Argument optionalNumber(String name) {
        return new Argument(name, Type.NUMBER, false, null, null);
    }

    private static Argument string(String name, boolean required) {
        return new Argument(name, Type.STRING, required, null, null);
    }

    private static Builder cap(String id, String name) {
        return new Builder(id, name);
    }

    private static final class Builder {
        private final String id;
        private final String name;
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<Command> commands = new ArrayList<>();

        Builder(String id, String name) {
            this.id = id;
            this.name = name;
        }

        Builder enumAttr(String attribute, String... values) {
            attributes.add(new Attribute(attribute, Type.ENUM, List.of(values), null));
            return this;
        }

        Builder number(String attribute, String unit) {
            attributes.add(new Attribute(attribute, Type.NUMBER, List.of(), unit));
            return this;
        }

        Builder string(String attribute) {
            attributes.add(new Attribute(attribute, Type.STRING, List.of(), null));
            return this;
        }

        Builder cmd(String command, Effect... effects) {
            return cmd(command, List.of(), effects);
        }

        Builder cmd(String command, List<Argument> arguments, Effect... effects) {
            commands.add(new Command(command, arguments, List.of(effects)));
            return this;
        }

        Capability build() {
            return new Capability(id, name, attributes, commands);
        }
    }

    /**
     * A command's arguments as the device takes them: as many as it declares (the optional ones
     * may be left out), numbers where it asks for numbers (whole ones as Integer or Long) within
     * their bounds, text where it asks for text.
     *
     * @throws hearth.engine.api.UnsupportedCommandException when the arguments don't fit, saying how
     */
    public static List<Object> checkedArguments(Command command, List<Object> arguments) {
        int required = command.requiredArguments();
        int allowed = command.arguments().size();
        if (arguments.size() < required || arguments.size() > allowed) {
            throw new hearth.engine.api.UnsupportedCommandException("command '" + command.name() + "' takes "
                    + (required == allowed ? allowed : required + " to " + allowed) + " argument(s) "
                    + command.arguments().stream().map(Argument::name).toList() + ", got "
                    + arguments.size());
        }
        List<Object> checked = new ArrayList<>(arguments.size());
        for (int i = 0; i < arguments.size(); i++) {
            Argument declared = command.arguments().get(i);
            Object value = arguments.get(i);
            if (declared.type() == Type.NUMBER) {
                java.math.BigDecimal number = toNumber(value).orElseThrow(() ->
                        new hearth.engine.api.UnsupportedCommandException("argument '" + declared.name() + "' of '"
                                + command.name() + "' must be a number, got '" + value + "'"));
                if ((declared.min() != null && number.compareTo(java.math.BigDecimal.valueOf(declared.min())) < 0)
                        || (declared.max() != null
                            && number.compareTo(java.math.BigDecimal.valueOf(declared.max())) > 0)) {
                    throw new hearth.engine.api.UnsupportedCommandException("argument '" + declared.name() + "' of '"
                            + command.name() + "' must be between " + declared.min() + " and " + declared.max()
                            + ", got " + value);
                }
                checked.add(number(number));
            } else if (declared.type() == Type.STRING) {
                checked.add(value == null ? null : value.toString());
            } else {
                checked.add(value);
            }
        }
        return checked;
    }

    /** A number, or text that reads as one. */
    public static Optional<java.math.BigDecimal> toNumber(Object value) {
        if (value instanceof Number n) {
            return Optional.of(new java.math.BigDecimal(n.toString()));
        }
        try {
            return value == null ? Optional.empty() : Optional.of(new java.math.BigDecimal(value.toString().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whole numbers as Integer or Long, others as BigDecimal: what Groovy code expects. */
    public static Number number(java.math.BigDecimal decimal) {
        java.math.BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            try {
                long whole = stripped.longValueExact();
                return whole == (int) whole ? Integer.valueOf((int) whole) : Long.valueOf(whole);
            } catch (ArithmeticException tooLarge) {
                return decimal;
            }
        }
        return decimal;
    }
}
