package hearth.page;

import hearth.engine.api.DeviceEvent;
import hearth.support.PageTimes;

import java.math.BigDecimal;

/**
 * One device event as the pages list it (the device page, a Location's device cards, the connected
 * apps), in people's words: when, which attribute ("Carbon monoxide"), the value with its unit. The
 * values may come from a hub's device or a SmartApp, so templates show them as text only.
 */
public record EventLine(String when, String attribute, String value) {

    public static EventLine of(DeviceEvent e) {
        return new EventLine(PageTimes.format(e.date(), ""), label(e.name()),
                text(e.value()) + (e.unit() == null ? "" : " " + e.unit()));
    }

    /** A value for people: a decimal without trailing zeros, nothing for null. */
    public static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    /** "carbonMonoxide" → "Carbon monoxide". */
    public static String label(String attribute) {
        String spaced = attribute.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
