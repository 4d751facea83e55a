package hearth.hub;

import tools.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Home Assistant discovery config, read as Home Assistant reads it
 * ({@code homeassistant/components/mqtt/abbreviations.py} and {@code discovery.py}): abbreviated
 * keys expanded, {@code ~} put into the topics, and every value checked for its type; what doesn't
 * fit is absent, never trusted.
 */
record HomeAssistantDiscovery(String component, String objectId, String groupKey, String uniqueId, String name,
                              String deviceName, String manufacturer, String model, String deviceClass, String unit,
                              String stateTopic, String commandTopic, String availabilityTopic,
                              String payloadAvailable, String payloadNotAvailable, String payloadOn,
                              String payloadOff, String stateOn, String stateOff, Template valueTemplate,
                              boolean jsonSchema, boolean brightness, double brightnessScale,
                              String brightnessStateTopic, String brightnessCommandTopic, String payloadLock,
                              String payloadUnlock, String stateLocked, String stateUnlocked, String payloadOpen,
                              String payloadClose, String stateOpen, String stateClosed, String colorMode,
                              Climate climate, String stateOpening, String stateClosing, String stateStopped,
                              boolean templateSchema, Template stateTemplate, Template brightnessTemplate) {

    /** Abbreviations of the keys Hearth reads (Home Assistant's abbreviations.py). */
    private static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("stat_t", "state_topic"), Map.entry("cmd_t", "command_topic"),
            Map.entry("avty_t", "availability_topic"), Map.entry("avty", "availability"),
            Map.entry("pl_avail", "payload_available"), Map.entry("pl_not_avail", "payload_not_available"),
            Map.entry("pl_on", "payload_on"), Map.entry("pl_off", "payload_off"),
            Map.entry("stat_on", "state_on"), Map.entry("stat_off", "state_off"),
            Map.entry("val_tpl", "value_template"), Map.entry("stat_val_tpl", "state_value_template"),
            Map.entry("uniq_id", "unique_id"), Map.entry("obj_id", "object_id"), Map.entry("dev", "device"),
            Map.entry("dev_cla", "device_class"), Map.entry("unit_of_meas", "unit_of_measurement"),
            Map.entry("bri_stat_t", "brightness_state_topic"), Map.entry("bri_cmd_t", "brightness_command_topic"),
            Map.entry("bri_scl", "brightness_scale"), Map.entry("pl_lock", "payload_lock"),
            Map.entry("pl_unlk", "payload_unlock"), Map.entry("stat_locked", "state_locked"),
            Map.entry("stat_unlocked", "state_unlocked"), Map.entry("pl_open", "payload_open"),
            Map.entry("pl_cls", "payload_close"), Map.entry("stat_open", "state_open"),
            Map.entry("stat_clsd", "state_closed"), Map.entry("t", "topic"),
            Map.entry("stat_opening", "state_opening"), Map.entry("stat_closing", "state_closing"),
            Map.entry("stat_stopped", "state_stopped"), Map.entry("stat_tpl", "state_template"),
            Map.entry("bri_tpl", "brightness_template"), Map.entry("cmd_on_tpl", "command_on_template"),
            Map.entry("cmd_off_tpl", "command_off_template"),
            Map.entry("sup_clrm", "supported_color_modes"),
            // climate (Home Assistant's abbreviations.py)
            Map.entry("curr_temp_t", "current_temperature_topic"),
            Map.entry("curr_temp_tpl", "current_temperature_template"),
            Map.entry("temp_stat_t", "temperature_state_topic"), Map.entry("temp_stat_tpl", "temperature_state_template"),
            Map.entry("temp_cmd_t", "temperature_command_topic"),
            Map.entry("temp_cmd_tpl", "temperature_command_template"),
            Map.entry("temp_lo_stat_t", "temperature_low_state_topic"),
            Map.entry("temp_lo_stat_tpl", "temperature_low_state_template"),
            Map.entry("temp_lo_cmd_t", "temperature_low_command_topic"),
            Map.entry("temp_lo_cmd_tpl", "temperature_low_command_template"),
            Map.entry("temp_hi_stat_t", "temperature_high_state_topic"),
            Map.entry("temp_hi_stat_tpl", "temperature_high_state_template"),
            Map.entry("temp_hi_cmd_t", "temperature_high_command_topic"),
            Map.entry("temp_hi_cmd_tpl", "temperature_high_command_template"),
            Map.entry("mode_stat_t", "mode_state_topic"), Map.entry("mode_stat_tpl", "mode_state_template"),
            Map.entry("mode_cmd_t", "mode_command_topic"), Map.entry("mode_cmd_tpl", "mode_command_template"),
            Map.entry("act_t", "action_topic"), Map.entry("act_tpl", "action_template"),
            Map.entry("temp_unit", "temperature_unit"));
    private static final Map<String, String> DEVICE_ABBREVIATIONS = Map.of("ids", "identifiers", "mf",
            "manufacturer", "mdl", "model", "cns", "connections", "sw", "sw_version", "name", "name");
    private static final Pattern TOPIC = Pattern.compile("(?:[^/+#\\u0000]{1,100}/){0,9}[^/+#\\u0000]{1,100}");

    /**
     * The config at {@code <prefix>/<component>/[<node_id>/]<object_id>/config}, or null when it
     * is not one Hearth can use.
     */
    static HomeAssistantDiscovery parse(String component, String objectId, JsonNode config) {
        if (config == null || !config.isObject()) {
            return null;
        }
        String base = text(config, "~");
        JsonNode device = field(config, "device");
        String groupKey = null;
        String deviceName = null;
        String manufacturer = null;
        String model = null;
        if (device != null && device.isObject()) {
            JsonNode ids = deviceField(device, "identifiers");
            if (ids != null && ids.isArray() && !ids.isEmpty() && ids.get(0).isString()) {
                groupKey = ids.get(0).asString();
            } else if (ids != null && ids.isString()) {
                groupKey = ids.asString();
            }
            JsonNode connections = deviceField(device, "connections");
            if (groupKey == null && connections != null && connections.isArray() && !connections.isEmpty()
                    && connections.get(0).isArray() && connections.get(0).size() == 2
                    && connections.get(0).get(0).isString() && connections.get(0).get(1).isString()) {
                // Home Assistant's registry joins entities by identifiers or by connections (Shellies
                // Discovery gives only its MAC): the first connection, as Home Assistant lowercases a MAC
                groupKey = connections.get(0).get(0).asString() + ":" + lower(connections.get(0).get(1).asString());
            }
            deviceName = deviceText(device, "name");
            manufacturer = deviceText(device, "manufacturer");
            model = deviceText(device, "model");
        }
        String uniqueId = string(config, "unique_id");
        if (groupKey == null || groupKey.length() > 100) {
            groupKey = uniqueId != null ? uniqueId : component + "/" + objectId;
        }
        String availabilityTopic = topic(config, "availability_topic", base);
        String payloadAvailable = string(config, "payload_available");
        String payloadNotAvailable = string(config, "payload_not_available");
        JsonNode availability = field(config, "availability");
        if (availabilityTopic == null && availability != null && availability.isArray() && !availability.isEmpty()
                && availability.get(0).isObject()) {
            JsonNode first = availability.get(0);
            availabilityTopic = topic(first, "topic", base);
            payloadAvailable = string(first, "payload_available");
            payloadNotAvailable = string(first, "payload_not_available");
        }
        String schema = string(config, "schema");
        JsonNode scale = field(config, "brightness_scale");
        JsonNode brightness = field(config, "brightness");
        String payloadOn = or(string(config, "payload_on"), "ON");
        String payloadOff = or(string(config, "payload_off"), "OFF");
        String template = or(string(config, "value_template"), string(config, "state_value_template"));
        return new HomeAssistantDiscovery(component, objectId, groupKey, uniqueId, string(config, "name"), deviceName,
                manufacturer, model, string(config, "device_class"), string(config, "unit_of_measurement"),
                topic(config, "state_topic", base), topic(config, "command_topic", base), availabilityTopic,
                or(payloadAvailable, "online"), or(payloadNotAvailable, "offline"), payloadOn, payloadOff,
                or(string(config, "state_on"), payloadOn), or(string(config, "state_off"), payloadOff),
                Template.parse(template), "json".equals(schema), brightness != null && brightness.asBoolean(false),
                scale != null && scale.isNumber() && scale.asDouble() > 0 ? scale.asDouble() : 255,
                topic(config, "brightness_state_topic", base), topic(config, "brightness_command_topic", base),
                or(string(config, "payload_lock"), "LOCK"), or(string(config, "payload_unlock"), "UNLOCK"),
                or(string(config, "state_locked"), "LOCKED"), or(string(config, "state_unlocked"), "UNLOCKED"),
                or(string(config, "payload_open"), "OPEN"), or(string(config, "payload_close"), "CLOSE"),
                or(string(config, "state_open"), "open"), or(string(config, "state_closed"), "closed"),
                "json".equals(schema) ? colorMode(config) : null,
                "climate".equals(component) ? climate(config, base, template) : null,
                or(string(config, "state_opening"), "opening"), or(string(config, "state_closing"), "closing"),
                or(string(config, "state_stopped"), "stopped"), "template".equals(schema),
                "template".equals(schema) && string(config, "state_template") != null
                        ? Template.parse(string(config, "state_template")) : null,
                "template".equals(schema) && string(config, "brightness_template") != null
                        ? Template.parse(string(config, "brightness_template")) : null);
    }

    /**
     * A {@code climate} entity's topics and limits, as Home Assistant's {@code mqtt/climate.py}
     * reads them: each state topic has its own template, {@code value_template} standing in for
     * any that is absent; {@code modes} defaults to auto, off, cool, heat, dry, fan_only;
     * {@code min_temp}/{@code max_temp} default to 7 and 35 °C (44.6 and 95 °F), and when the unit
     * isn't said to 7 to 95, which holds either.
     *
     * @param unit             {@code C}, {@code F}, or null when {@code temperature_unit} is absent
     *                         (Home Assistant then takes its own system's unit, which Hearth can't see)
     * @param commandTemplates the command templates set that are not plain {@code {{ value }}}, by
     *                         the command topic key they shape (Hearth renders none of them)
     */
    record Climate(String currentTemperatureTopic, Template currentTemperatureTemplate,
                   String temperatureStateTopic, Template temperatureStateTemplate, String temperatureCommandTopic,
                   String lowStateTopic, Template lowStateTemplate, String lowCommandTopic,
                   String highStateTopic, Template highStateTemplate, String highCommandTopic,
                   String modeStateTopic, Template modeStateTemplate, String modeCommandTopic,
                   java.util.List<String> modes, String actionTopic, Template actionTemplate, String unit,
                   java.math.BigDecimal precision, java.math.BigDecimal minTemp, java.math.BigDecimal maxTemp,
                   java.util.Set<String> commandTemplates) {

        static final java.util.List<String> DEFAULT_MODES = java.util.List.of("auto", "off", "cool", "heat", "dry",
                "fan_only");

        /** The state topics Hearth listens on for this entity, each once. */
        java.util.List<String> stateTopics() {
            java.util.Set<String> out = new java.util.LinkedHashSet<>();
            for (String t : new String[]{currentTemperatureTopic, temperatureStateTopic, lowStateTopic,
                    highStateTopic, modeStateTopic, actionTopic}) {
                if (t != null) {
                    out.add(t);
                }
            }
            return java.util.List.copyOf(out);
        }

        boolean hasCommandTopic() {
            return temperatureCommandTopic != null || lowCommandTopic != null || highCommandTopic != null
                    || modeCommandTopic != null;
        }
    }

    private static Climate climate(JsonNode config, String base, String valueTemplate) {
        JsonNode modesNode = field(config, "modes");
        java.util.List<String> modes = Climate.DEFAULT_MODES;
        if (modesNode != null && modesNode.isArray()) {
            java.util.List<String> named = new java.util.ArrayList<>();
            for (JsonNode m : modesNode) {
                if (m.isString() && m.asString().length() <= 40 && named.size() < 20) {
                    named.add(m.asString());
                }
            }
            modes = java.util.List.copyOf(named);
        }
        String unit = switch (or(string(config, "temperature_unit"), "")) {
            case "C", "°C" -> "C";
            case "F", "°F" -> "F";
            default -> null;
        };
        java.math.BigDecimal precision = decimal(config, "precision");
        if (precision != null && !java.util.List.of("0.1", "0.5", "1.0", "1").contains(precision.toPlainString())) {
            precision = null; // Home Assistant takes 0.1, 0.5 and 1.0 only
        }
        java.math.BigDecimal min = decimal(config, "min_temp");
        java.math.BigDecimal max = decimal(config, "max_temp");
        if (min == null) {
            min = new java.math.BigDecimal("F".equals(unit) ? "44.6" : "7");
        }
        if (max == null) {
            max = new java.math.BigDecimal("C".equals(unit) ? "35" : "95");
        }
        java.util.Set<String> commandTemplates = new java.util.LinkedHashSet<>();
        for (String key : new String[]{"temperature_command_template", "temperature_low_command_template",
                "temperature_high_command_template", "mode_command_template"}) {
            String t = string(config, key);
            Template parsed = t == null ? null : Template.parse(t);
            if (t != null && (parsed == null || !parsed.raw() || !parsed.arithmetic().isEmpty())) {
                commandTemplates.add(key.replace("_template", "_topic"));
            }
        }
        return new Climate(topic(config, "current_temperature_topic", base),
                stateTemplate(config, "current_temperature_template", valueTemplate),
                topic(config, "temperature_state_topic", base),
                stateTemplate(config, "temperature_state_template", valueTemplate),
                topic(config, "temperature_command_topic", base),
                topic(config, "temperature_low_state_topic", base),
                stateTemplate(config, "temperature_low_state_template", valueTemplate),
                topic(config, "temperature_low_command_topic", base),
                topic(config, "temperature_high_state_topic", base),
                stateTemplate(config, "temperature_high_state_template", valueTemplate),
                topic(config, "temperature_high_command_topic", base),
                topic(config, "mode_state_topic", base),
                stateTemplate(config, "mode_state_template", valueTemplate),
                topic(config, "mode_command_topic", base), modes, topic(config, "action_topic", base),
                stateTemplate(config, "action_template", valueTemplate), unit, precision,
                min.min(max), max.max(min), java.util.Set.copyOf(commandTemplates));
    }

    /** A state topic's own template, or {@code value_template} when it has none (as mqtt/climate.py reads them). */
    private static Template stateTemplate(JsonNode config, String key, String valueTemplate) {
        return Template.parse(or(string(config, key), valueTemplate));
    }

    /** A number field, given as a number or as text that reads as one; absent otherwise. */
    private static java.math.BigDecimal decimal(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isString() && v.asString().length() <= 20) {
            try {
                return new java.math.BigDecimal(v.asString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * How a JSON light takes a colour: {@code hs} ({@code color: {h, s}}) when its
     * {@code supported_color_modes} has hs (or the legacy {@code hs: true}), {@code rgb}
     * ({@code color: {r, g, b}}, as ESPHome's RGB lights) when it has rgb, rgbw or rgbww; else null.
     */
    private static String colorMode(JsonNode config) {
        JsonNode modes = field(config, "supported_color_modes");
        java.util.Set<String> named = new java.util.HashSet<>();
        if (modes != null && modes.isArray()) {
            modes.forEach(m -> named.add(m.isString() ? m.asString() : ""));
        }
        JsonNode legacy = config.get("hs");
        if (named.contains("hs") || legacy != null && legacy.asBoolean(false)) {
            return "hs";
        }
        return named.contains("rgb") || named.contains("rgbw") || named.contains("rgbww") ? "rgb" : null;
    }

    /** What the entity is called when its device first appears. */
    String label() {
        String d = deviceName == null ? "" : deviceName.trim();
        String n = name == null ? "" : name.trim();
        String label = d.isEmpty() ? n : d; // a device's entities share its name
        return label.isEmpty() ? objectId : label;
    }

    String typeName() {
        if (model == null && manufacturer == null) {
            return "MQTT " + component;
        }
        return ((manufacturer == null ? "" : manufacturer + " ") + (model == null ? "" : model)).trim();
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            for (Map.Entry<String, String> e : ABBREVIATIONS.entrySet()) {
                if (e.getValue().equals(name) && node.has(e.getKey())) {
                    return node.get(e.getKey());
                }
            }
        }
        return v;
    }

    private static JsonNode deviceField(JsonNode device, String name) {
        JsonNode v = device.get(name);
        if (v == null) {
            for (Map.Entry<String, String> e : DEVICE_ABBREVIATIONS.entrySet()) {
                if (e.getValue().equals(name) && device.has(e.getKey())) {
                    return device.get(e.getKey());
                }
            }
        }
        return v;
    }

    private static String deviceText(JsonNode device, String name) {
        JsonNode v = deviceField(device, name);
        return v != null && v.isString() && v.asString().length() <= 200 ? v.asString() : null;
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isString() && v.asString().length() <= 200 ? v.asString() : null;
    }

    /** A string field, numbers and booleans as text (payload_on may be 1 or true). */
    private static String string(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (v == null || v.isContainer() || v.isNull()) {
            return null;
        }
        String s = v.asString();
        return s.length() <= 500 ? s : null;
    }

    /** A topic field with {@code ~} replaced at its start or end; wildcards and odd topics are refused. */
    private static String topic(JsonNode node, String name, String base) {
        String t = string(node, name);
        if (t == null) {
            return null;
        }
        if (base != null && t.startsWith("~")) {
            t = base + t.substring(1);
        } else if (base != null && t.endsWith("~")) {
            t = t.substring(0, t.length() - 1) + base;
        }
        return TOPIC.matcher(t).matches() && t.codePoints().noneMatch(Character::isISOControl) ? t : null;
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    /**
     * The value templates devices publish, read without a template engine: {@code {{ value }}},
     * {@code {{ value_json.a.b }}}, {@code {{ value_json['a'] }}}, {@code {{ value_json.list.0.b }}}
     * (an array's element by index, as Jinja reads it), with filters such as {@code | float} or
     * {@code | round(1)} ignored but arithmetic applied: {@code | multiply(2.55)}, {@code * 10} and
     * {@code / 60} (Shelly publishes its energy in watt-minutes, {@code {{value|float/60}}}), and
     * {@code {% if value_json.a %}x{% else %}y{% endif %}}. Anything else ({@code + 32}, a comparison)
     * is not read (the raw payload is not guessed at).
     *
     * @param arithmetic each step in order, {@code *} or {@code /} and the operand ({@code "/60"})
     */
    record Template(boolean raw, java.util.List<String> path, java.util.List<String> arithmetic, String whenTrue,
                    String whenFalse) {
        private static final String NUMBER = "[0-9]{1,9}(?:\\.[0-9]{1,9})?";
        private static final Pattern WHOLE = Pattern.compile("\\{\\{\\s*(value(?:_json)?)((?:\\.[A-Za-z0-9_]+|"
                + "\\[\\s*'[^']{1,64}'\\s*]|\\[\\s*\"[^\"]{1,64}\"\\s*]|\\[\\s*[0-9]{1,4}\\s*]){0,8})((?:\\s*\\|[^{}|]{0,60}"
                + "|\\s*[*/]\\s*" + NUMBER + "){0,6})\\s*}}");
        private static final Pattern PART = Pattern.compile("\\.([A-Za-z0-9_]+)|\\[\\s*'([^']+)'\\s*]|\\[\\s*\"([^\"]+)\"\\s*]"
                + "|\\[\\s*([0-9]+)\\s*]");
        /** {@code {% if value_json.a.b %}on{% else %}off{% endif %}}: the value's truth (Jinja's) picks the text. */
        private static final Pattern CONDITION = Pattern.compile("\\{%-?\\s*if\\s+value_json((?:\\.[A-Za-z0-9_]+|"
                + "\\[\\s*'[^']{1,64}'\\s*]|\\[\\s*[0-9]{1,4}\\s*]){1,8})\\s*-?%}([^{}%]{0,40})\\{%-?\\s*else\\s*-?%}"
                + "([^{}%]{0,40})\\{%-?\\s*endif\\s*-?%}");
        private static final Pattern STEP = Pattern.compile("\\|\\s*multiply\\(\\s*(" + NUMBER + ")\\s*\\)|([*/])\\s*("
                + NUMBER + ")");

        static Template parse(String template) {
            if (template == null) {
                return new Template(true, java.util.List.of(), java.util.List.of(), null, null);
            }
            Matcher condition = CONDITION.matcher(template.trim());
            if (condition.matches()) {
                return new Template(false, path(condition.group(1)), java.util.List.of(), condition.group(2),
                        condition.group(3));
            }
            Matcher m = WHOLE.matcher(template.trim());
            if (!m.matches()) {
                return null;
            }
            if (m.group(3).replaceAll("'[^']*'|\"[^\"]*\"", "").matches("(?s).*(?:[+%-]|\\*\\*|//).*")) {
                return null; // + - % ** //: arithmetic Hearth doesn't do, so the value is not read wrong
            }
            java.util.List<String> arithmetic = new java.util.ArrayList<>();
            Matcher step = STEP.matcher(m.group(3));
            while (step.find()) {
                String operand = step.group(1) != null ? step.group(1) : step.group(3);
                String op = step.group(1) != null ? "*" : step.group(2);
                if (op.equals("/") && new java.math.BigDecimal(operand).signum() == 0) {
                    return null;
                }
                arithmetic.add(op + operand);
            }
            if (m.group(1).equals("value")) {
                return new Template(true, java.util.List.of(), java.util.List.copyOf(arithmetic), null, null);
            }
            return new Template(false, path(m.group(2)), java.util.List.copyOf(arithmetic), null, null);
        }

        private static java.util.List<String> path(String parts) {
            java.util.List<String> path = new java.util.ArrayList<>();
            Matcher p = PART.matcher(parts);
            while (p.find()) {
                path.add(p.group(1) != null ? p.group(1) : p.group(2) != null ? p.group(2)
                        : p.group(3) != null ? p.group(3) : p.group(4));
            }
            return java.util.List.copyOf(path);
        }

        /** The value in the payload, as text, or null when it isn't there (or isn't a number to work on). */
        String apply(byte[] payload) {
            String text = new String(payload, java.nio.charset.StandardCharsets.UTF_8);
            String value;
            if (raw) {
                value = text.trim();
            } else {
                JsonNode node = HubJson.parse(payload).orElse(null);
                for (String key : path) {
                    if (node != null && node.isArray() && key.chars().allMatch(Character::isDigit)
                            && key.length() <= 4) {
                        node = node.get(Integer.parseInt(key));
                    } else if (node == null || !node.isObject()) {
                        return null;
                    } else {
                        node = node.get(key);
                    }
                }
                if (whenTrue != null && node != null) {
                    return truthy(node) ? whenTrue : whenFalse; // absent: not said, rather than Jinja's false
                }
                if (node == null || node.isContainer() || node.isNull()) {
                    return null;
                }
                value = node.asString();
            }
            return arithmetic.isEmpty() ? value : calculate(value);
        }

        private static boolean truthy(JsonNode node) {
            if (node.isBoolean()) {
                return node.asBoolean();
            }
            if (node.isNumber()) {
                return node.decimalValue().signum() != 0;
            }
            if (node.isContainer()) {
                return !node.isEmpty();
            }
            return !node.isNull() && !node.asString().isEmpty();
        }

        private String calculate(String value) {
            java.math.BigDecimal n;
            try {
                n = value.length() > 40 ? null : new java.math.BigDecimal(value.trim());
            } catch (NumberFormatException e) {
                return null;
            }
            if (n == null) {
                return null;
            }
            for (String step : arithmetic) {
                java.math.BigDecimal operand = new java.math.BigDecimal(step.substring(1));
                n = step.charAt(0) == '*' ? n.multiply(operand, java.math.MathContext.DECIMAL64)
                        : n.divide(operand, java.math.MathContext.DECIMAL64);
            }
            return n.stripTrailingZeros().toPlainString();
        }
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
