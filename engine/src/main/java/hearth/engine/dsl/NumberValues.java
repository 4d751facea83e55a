package hearth.engine.dsl;

import java.math.BigDecimal;

/**
 * The classic typed getters of a value that may hold a number ({@code integerValue},
 * {@code doubleValue}, ...), shared by a device State and a subscription's event.
 */
public abstract class NumberValues {

    /** The value as it came: a Number, or text that may hold one. */
    abstract Object valueForNumbers();

    public BigDecimal getNumberValue() {
        Object value = valueForNumbers();
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        try {
            return value == null ? null : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public BigDecimal getNumericValue() {
        return getNumberValue();
    }

    public Integer getIntegerValue() {
        BigDecimal n = getNumberValue();
        return n == null ? null : n.intValue();
    }

    public Long getLongValue() {
        BigDecimal n = getNumberValue();
        return n == null ? null : n.longValue();
    }

    public Float getFloatValue() {
        BigDecimal n = getNumberValue();
        return n == null ? null : n.floatValue();
    }

    public Double getDoubleValue() {
        BigDecimal n = getNumberValue();
        return n == null ? null : n.doubleValue();
    }
}
