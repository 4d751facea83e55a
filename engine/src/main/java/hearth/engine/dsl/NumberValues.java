package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import java.math.BigDecimal;

/**
 * The classic typed getters of a value that may hold a number ({@code integerValue},
 * {@code doubleValue}, ...), shared by a device State and a subscription's event.
 */
@SmartAppApi
public abstract class NumberValues {

    /** The value as it came: a Number, or text that may hold one. */
    abstract Object valueForNumbers();

    @SmartAppApi
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

    @SmartAppApi
    public BigDecimal getNumericValue() {
        return getNumberValue();
    }

    @SmartAppApi
    public Integer getIntegerValue() {
        BigDecimal n = getNumberValue();
        return n == null ? null : n.intValue();
    }

    @SmartAppApi
    public Long getLongValue() {
        BigDecimal n = getNumberValue();
        return n == null ? null : n.longValue();
    }

    @SmartAppApi
    public Float getFloatValue() {
        BigDecimal n = getNumberValue();
        return n == null ? null : n.floatValue();
    }

    @SmartAppApi
    public Double getDoubleValue() {
        BigDecimal n = getNumberValue();
        return n == null ? null : n.doubleValue();
    }
}
