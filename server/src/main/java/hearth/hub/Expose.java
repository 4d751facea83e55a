package hearth.hub;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One zigbee2mqtt expose as Hearth reads it (zigbee-herdsman-converters, {@code src/lib/exposes.ts}):
 * a leaf feature with the container it sits in ({@code light}, {@code switch}, {@code lock},
 * {@code cover}, {@code climate}; null at the top level), or a light's {@code color} composite.
 *
 * @param valueOn  a binary's value for true ({@code ON}, {@code LOCK}, {@code true})
 * @param valueMin a numeric's least value, when declared
 * @param valueMax a numeric's greatest value, when declared (brightness: 254)
 */
record Expose(String container, String type, String property, String unit, String valueOn, String valueOff,
              Double valueMin, Double valueMax, int access) {
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final int MAX = 200;

    /** The exposes of a {@code definition.exposes} array; what is malformed is left out. */
    static List<Expose> parse(JsonNode exposes) {
        List<Expose> out = new ArrayList<>();
        if (exposes == null || !exposes.isArray()) {
            return out;
        }
        for (JsonNode e : exposes) {
            if (out.size() >= MAX) {
                break;
            }
            add(out, null, e);
        }
        return out;
    }

    private static void add(List<Expose> out, String container, JsonNode e) {
        if (e == null || !e.isObject()) {
            return;
        }
        String type = text(e, "type");
        if (type == null) {
            return;
        }
        JsonNode features = e.get("features");
        if (features != null && features.isArray()) {
            if (type.equals("composite")) {
                String property = text(e, "property");
                if ("color".equals(property) && container != null) {
                    out.add(new Expose(container, "composite", property, null, null, null, null, null,
                            e.path("access").asInt(0)));
                }
                return; // other composites' values come through as custom attributes
            }
            for (JsonNode f : features) {
                if (out.size() >= MAX) {
                    return;
                }
                add(out, type, f);
            }
            return;
        }
        String property = text(e, "property");
        if (property == null || !PROPERTY.matcher(property).matches()) {
            return;
        }
        out.add(new Expose(container, type, property, text(e, "unit"), scalar(e.get("value_on")),
                scalar(e.get("value_off")), number(e.get("value_min")), number(e.get("value_max")),
                e.path("access").asInt(0)));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() && v.asString().length() <= 100 ? v.asString() : null;
    }

    private static String scalar(JsonNode v) {
        if (v == null || v.isContainer() || v.isNull()) {
            return null;
        }
        String s = v.asString();
        return s.length() <= 100 ? s : null;
    }

    private static Double number(JsonNode v) {
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    /** Whether a state value is this binary's "on" ({@code ON}, {@code LOCK}, true). */
    boolean isOn(JsonNode value) {
        String on = valueOn == null ? "true" : valueOn;
        return !value.isContainer() && on.equals(value.asString());
    }

    /** The value to publish for on or off, typed as declared (a boolean stays a boolean). */
    Object binaryValue(boolean on) {
        String v = on ? valueOn : valueOff;
        if (v == null) {
            return on ? "ON" : "OFF";
        }
        return v.equals("true") || v.equals("false") ? Boolean.valueOf(v) : v;
    }
}
