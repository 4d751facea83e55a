package hearth.device;

import java.math.BigDecimal;

/**
 * Attribute values in the database are text plus a type, so numbers come back as numbers
 * (SmartApps compare {@code currentValue("level") > 50}) on H2 and PostgreSQL alike.
 */
final class AttributeValues {
    static final String NUMBER = "NUMBER";
    static final String STRING = "STRING";
    static final String BOOLEAN = "BOOLEAN";

    private AttributeValues() {
    }

    static String typeOf(Object value) {
        if (value instanceof Number) {
            return NUMBER;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        return STRING;
    }

    static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value == null ? null : value.toString();
    }

    static Object parse(String text, String type) {
        if (text == null) {
            return null;
        }
        return switch (type) {
            case NUMBER -> number(new BigDecimal(text));
            case BOOLEAN -> Boolean.valueOf(text);
            default -> text;
        };
    }

    /** Whole numbers as Integer or Long, others as BigDecimal: what Groovy code expects. */
    static Number number(BigDecimal decimal) {
        return hearth.engine.capability.Capabilities.number(decimal);
    }
}
