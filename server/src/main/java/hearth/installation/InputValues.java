package hearth.installation;

import hearth.engine.api.PreferenceInput;
import hearth.web.ApiException;

import java.math.BigDecimal;

/** Turns a form value of a non-device input into the type the SmartApp expects in {@code settings}. */
final class InputValues {
    private InputValues() {
    }

    static Object parse(PreferenceInput input, String raw) {
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
            case "enum" -> {
                if (!input.options().isEmpty() && !input.options().contains(value)) {
                    throw ApiException.badRequest("'" + input.name() + "' must be one of " + input.options());
                }
                yield value;
            }
            default -> value;
        };
    }
}
