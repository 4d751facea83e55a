package hearth.hub;

import hearth.device.LocalDevices.Reading;
import hearth.engine.api.UnsupportedCommandException;
import hearth.hub.HomeAssistantDiscovery.Climate;
import hearth.hub.HomeAssistantDiscovery.Template;
import hearth.hub.ProtocolAdapter.Outgoing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Home Assistant's MQTT {@code climate} as Hearth's {@code thermostat} (the classic capability the
 * modern API shows as thermostatMode, thermostatHeatingSetpoint, thermostatCoolingSetpoint,
 * thermostatOperatingState and temperatureMeasurement): a table each way for the modes and one for
 * the actions, the setpoints by topic. Commands go out as plain payloads (Hearth renders no command
 * template; one set to anything but {@code {{ value }}} refuses the command rather than send what
 * the device doesn't take).
 */
final class HomeAssistantClimate {

    /** One mode: Home Assistant's name, and Hearth's thermostatMode for it (null: Hearth has none). */
    record Mode(String home, String hearth) {
    }

    /** Home Assistant's HVAC modes (climate/const.py HVACMode) to Hearth's; heat_cool is SmartThings' auto. */
    static final List<Mode> MODES = List.of(
            new Mode("off", "off"),
            new Mode("heat", "heat"),
            new Mode("cool", "cool"),
            new Mode("auto", "auto"),
            new Mode("heat_cool", "auto"),
            new Mode("dry", null),
            new Mode("fan_only", null));

    /** The Hearth modes a command may name, in the order a refusal lists them. */
    private static final List<String> HEARTH_MODES = List.of("off", "heat", "cool", "auto");

    /** Home Assistant's HVAC actions (HVACAction) to Hearth's thermostatOperatingState; others are not said. */
    static final Map<String, String> ACTIONS = Map.of(
            "idle", "idle",
            "off", "idle",
            "heating", "heating",
            "cooling", "cooling",
            "fan", "fan only",
            "preheating", "pending heat");

    private HomeAssistantClimate() {
    }

    /** A message on one of the entity's state topics: every field that listens there, through its template. */
    static Map<String, Reading> read(Climate c, String topic, byte[] payload) {
        Map<String, Reading> out = new LinkedHashMap<>();
        if (topic.equals(c.currentTemperatureTopic())) {
            number(c.currentTemperatureTemplate(), payload, n -> out.put("temperature", new Reading(n, c.unit())));
        }
        if (topic.equals(c.temperatureStateTopic())) {
            number(c.temperatureStateTemplate(), payload, n -> {
                out.put("thermostatSetpoint", new Reading(n, c.unit()));
                boolean heats = c.modes().contains("heat");
                boolean cools = c.modes().contains("cool");
                // one setpoint: the heating one on a heater (a radiator valve), the cooling one on a cooler
                if (heats && !cools && c.lowStateTopic() == null) {
                    out.put("heatingSetpoint", new Reading(n, c.unit()));
                } else if (cools && !heats && c.highStateTopic() == null) {
                    out.put("coolingSetpoint", new Reading(n, c.unit()));
                }
            });
        }
        if (topic.equals(c.lowStateTopic())) {
            number(c.lowStateTemplate(), payload, n -> out.put("heatingSetpoint", new Reading(n, c.unit())));
        }
        if (topic.equals(c.highStateTopic())) {
            number(c.highStateTemplate(), payload, n -> out.put("coolingSetpoint", new Reading(n, c.unit())));
        }
        if (topic.equals(c.modeStateTopic())) {
            String mode = text(c.modeStateTemplate(), payload);
            // Home Assistant ignores a mode not in the entity's modes; so does Hearth
            if (mode != null && c.modes().contains(mode)) {
                MODES.stream().filter(m -> m.home().equals(mode) && m.hearth() != null).findFirst()
                        .ifPresent(m -> out.put("thermostatMode", new Reading(m.hearth(), null)));
            }
        }
        if (topic.equals(c.actionTopic())) {
            String action = text(c.actionTemplate(), payload);
            if (action != null && ACTIONS.containsKey(action)) {
                out.put("thermostatOperatingState", new Reading(ACTIONS.get(action), null));
            }
        }
        return out;
    }

    /**
     * A thermostat command as the entity's topics take it.
     *
     * @throws UnsupportedCommandException when the entity has no topic for it, the setpoint is
     *                                     outside its {@code min_temp}..{@code max_temp}, or the mode is not one of its {@code modes}
     */
    static Outgoing command(Climate c, String command, List<Object> arguments) {
        return switch (command) {
            case "setHeatingSetpoint" -> setpoint(c, "heating", arguments, c.lowCommandTopic(),
                    "temperature_low_command_topic");
            case "setCoolingSetpoint" -> setpoint(c, "cooling", arguments, c.highCommandTopic(),
                    "temperature_high_command_topic");
            case "setThermostatMode" -> mode(c, arguments.isEmpty() ? null : Objects.toString(arguments.get(0), null));
            case "off", "heat", "cool", "auto" -> mode(c, command);
            case "emergencyHeat" -> mode(c, "emergency heat");
            default -> throw new UnsupportedCommandException("'" + command + "' is not sent to Home Assistant "
                    + "MQTT thermostats");
        };
    }

    /** The setpoint to its own topic ({@code own}, named by {@code ownKey}), or to the single one when it has none. */
    private static Outgoing setpoint(Climate c, String which, List<Object> arguments, String own, String ownKey) {
        String topic = own != null ? own : c.temperatureCommandTopic();
        String key = own != null ? ownKey : "temperature_command_topic";
        if (topic == null) {
            throw new UnsupportedCommandException("the thermostat has no command topic for its " + which
                    + " setpoint");
        }
        template(c, key, "set" + Character.toUpperCase(which.charAt(0)) + which.substring(1) + "Setpoint");
        BigDecimal value;
        try {
            value = new BigDecimal(String.valueOf(arguments.get(0)).trim());
        } catch (RuntimeException e) {
            throw new UnsupportedCommandException("the " + which + " setpoint must be a number, got '"
                    + (arguments.isEmpty() ? "" : arguments.get(0)) + "'");
        }
        if (value.compareTo(c.minTemp()) < 0 || value.compareTo(c.maxTemp()) > 0) {
            throw new UnsupportedCommandException("the " + which + " setpoint " + value.toPlainString()
                    + " is outside the thermostat's range, " + plain(c.minTemp()) + " to " + plain(c.maxTemp())
                    + (c.unit() == null ? "" : " " + c.unit()) + "; the command was not sent");
        }
        String text;
        if (c.precision() != null) {
            BigDecimal p = c.precision();
            BigDecimal rounded = value.divide(p, 0, RoundingMode.HALF_UP).multiply(p);
            text = rounded.setScale(Math.max(0, p.stripTrailingZeros().scale()), RoundingMode.HALF_UP).toPlainString();
        } else {
            text = plain(value);
        }
        return new Outgoing(topic, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Outgoing mode(Climate c, String hearthMode) {
        if (c.modeCommandTopic() == null) {
            throw new UnsupportedCommandException("the thermostat has no mode command topic");
        }
        List<String> allowed = new ArrayList<>();
        for (String h : HEARTH_MODES) {
            if (homeMode(c, h) != null) {
                allowed.add(h);
            }
        }
        String home = hearthMode == null ? null : homeMode(c, hearthMode);
        if (home == null) {
            throw new UnsupportedCommandException("thermostat mode '" + hearthMode + "' is not one this thermostat "
                    + "takes; it takes: " + String.join(", ", allowed));
        }
        template(c, "mode_command_topic", "setThermostatMode");
        return new Outgoing(c.modeCommandTopic(), home.getBytes(StandardCharsets.UTF_8));
    }

    /** The entity's own mode for a Hearth mode: the first of its modes the table maps to it (auto before heat_cool). */
    private static String homeMode(Climate c, String hearthMode) {
        return MODES.stream().filter(m -> hearthMode.equals(m.hearth()) && c.modes().contains(m.home()))
                .map(Mode::home).findFirst().orElse(null);
    }

    private static void template(Climate c, String topicKey, String command) {
        if (c.commandTemplates().contains(topicKey)) {
            throw new UnsupportedCommandException("the thermostat's " + topicKey.replace("_topic", "_template")
                    + " is beyond Hearth (it renders no command templates); '" + command + "' was not sent");
        }
    }

    private static void number(Template t, byte[] payload, java.util.function.Consumer<BigDecimal> to) {
        String text = text(t, payload);
        if (text == null || text.length() > 40) {
            return;
        }
        try {
            to.accept(new BigDecimal(text.trim()));
        } catch (NumberFormatException e) {
            // Home Assistant logs "could not parse" and keeps the last value; Hearth says nothing
        }
    }

    private static String text(Template t, byte[] payload) {
        if (t == null) {
            return null; // a template beyond Hearth: not guessed at
        }
        String value = t.apply(payload);
        return value == null || value.isEmpty() || value.equals("None") || value.length() > 100 ? null : value;
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }
}
