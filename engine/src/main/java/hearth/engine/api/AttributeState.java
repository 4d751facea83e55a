package hearth.engine.api;

import java.time.Instant;
import java.util.Objects;

/**
 * The current value of one device attribute, as classic SmartApps see it through
 * {@code currentState("switch")}: {@code name}, {@code value}, {@code unit}, {@code date}.
 *
 * @param value a String, Number or Boolean as stored; never a Groovy type
 * @param unit  may be null (e.g. "F", "%", "W")
 */
public record AttributeState(String name, Object value, String unit, Instant date) {
    public AttributeState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
    }
}
