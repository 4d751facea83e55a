package hearth.installation;

import hearth.engine.api.PreferenceInput;
import hearth.web.ApiException;

import hearth.location.Location;

import java.math.BigDecimal;
import java.util.List;

/** Turns a form value of a non-device input into the type the SmartApp expects in {@code settings}. */
public final class InputValues {
    private InputValues() {
    }

    public static Object parse(PreferenceInput input, String raw) {
        if (raw == null || raw.isBlank()) {
            if (input.required() && input.defaultValue() == null && !"bool".equals(input.type())) {
                throw ApiException.badRequest("'" + input.name() + "' is required");
            }
            return "bool".equals(input.type()) ? Boolean.FALSE : input.defaultValue();
        }
        String value = raw.trim();
        return switch (input.type()) {
            case "number", "decimal" -> {
                try {
                    BigDecimal number = new BigDecimal(value);
                    yield "number".equals(input.type()) && number.stripTrailingZeros().scale() <= 0
                            ? (Object) number.longValueExact() : number;
                } catch (NumberFormatException | ArithmeticException e) {
                    throw ApiException.badRequest("'" + input.name() + "' must be a number, got '" + value + "'");
                }
            }
            case "bool", "boolean" -> "true".equalsIgnoreCase(value) || "on".equalsIgnoreCase(value);
            case "mode" -> modes(input, value);
            case "enum" -> {
                if (!input.options().isEmpty() && !input.options().contains(value)) {
                    throw ApiException.badRequest("'" + input.name() + "' must be one of " + input.options());
                }
                yield value;
            }
            default -> value;
        };
    }

    /**
     * A {@code mode} input's choice: one of the Location's modes (classic gave its name), or for
     * {@code multiple: true} a list of them, sent as repeated form fields ({@link #formValue}).
     */
    private static Object modes(PreferenceInput input, String value) {
        List<String> chosen = java.util.Arrays.stream(value.split(",")).map(String::trim).filter(m -> !m.isEmpty())
                .distinct().toList();
        for (String mode : chosen) {
            if (!Location.MODES.contains(mode)) {
                throw ApiException.badRequest("'" + input.name() + "' must be one of the Location's modes "
                        + Location.MODES + ", got '" + mode + "'");
            }
        }
        if (input.multiple()) {
            return chosen;
        }
        if (chosen.size() > 1) {
            throw ApiException.badRequest("'" + input.name() + "' takes one mode, " + chosen.size() + " were chosen");
        }
        return chosen.get(0);
    }

    /**
     * What a form sent for one settings input, as the text {@link #parse} reads: the first value, or
     * for a multiple {@code mode} input all of them (mode names have no comma).
     */
    public static String formValue(PreferenceInput input, List<String> sent) {
        List<String> given = sent.stream().filter(v -> !v.isBlank()).toList();
        if (given.isEmpty()) {
            return null;
        }
        return "mode".equals(input.type()) && input.multiple() ? String.join(",", given) : given.get(0);
    }
}
