package hearth.engine.limit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Numbers whose size makes ordinary operations take minutes inside the JDK, where no deadline
 * is checked: {@code new BigDecimal("1e999999999").intValue()} builds a billion-digit BigInteger,
 * {@code sum()} over such values aligns their scales. Refused where they enter app code (parsing,
 * conversion, the results of calls), so no later operation meets one.
 */
public final class Numbers {
    /** Bits of a BigInteger (or a BigDecimal's unscaled value) app code may hold. */
    public static final long MAX_BITS = 262_144;
    /** The largest scale (either sign) of a BigDecimal app code may hold. */
    public static final int MAX_SCALE = 10_000;
    /** An exponent of more than four digits in JSON or number text. */
    private static final Pattern HUGE_EXPONENT = Pattern.compile("[eE][+-]?0*\\d{5,}");

    private Numbers() {
    }

    public static void requireSane(Number n) {
        if (n instanceof BigDecimal bd && (Math.abs((long) bd.scale()) > MAX_SCALE
                || bd.unscaledValue().bitLength() > MAX_BITS)) {
            throw new NumberTooLargeException("a decimal number with a scale of " + bd.scale() + " is larger than"
                    + " SmartApps may use (scale within " + MAX_SCALE + ")");
        }
        if (n instanceof BigInteger bi && bi.bitLength() > MAX_BITS) {
            throw new NumberTooLargeException("a number of " + bi.bitLength() + " bits is larger than SmartApps may"
                    + " use (" + MAX_BITS + " bits)");
        }
    }

    /** Number text: an exponent of more than four digits is refused before it is parsed. */
    public static void requireSaneNumber(CharSequence text) {
        if (text.length() > MAX_BITS / 3 + 16 || HUGE_EXPONENT.matcher(text).find()) {
            throw new NumberTooLargeException("'" + shorten(text) + "' is a larger number than SmartApps may use");
        }
    }

    /** JSON text: no number in it with an exponent of more than four digits. */
    public static void requireSaneJson(CharSequence json) {
        java.util.regex.Matcher m = HUGE_EXPONENT.matcher(json);
        while (m.find()) {
            int before = m.start() - 1;
            if (before >= 0 && Character.isDigit(json.charAt(before)) || before >= 0 && json.charAt(before) == '.') {
                throw new NumberTooLargeException("the JSON holds a number with an exponent of "
                        + m.group().substring(1) + "; SmartApps may use exponents of at most four digits");
            }
        }
    }

    /** Bits of an integer value (the unscaled value of a BigDecimal). */
    public static long bits(Number n) {
        if (n instanceof BigInteger bi) {
            return bi.bitLength();
        }
        if (n instanceof BigDecimal bd) {
            return bd.unscaledValue().bitLength();
        }
        long v = n.longValue();
        return 64 - Long.numberOfLeadingZeros(Math.abs(v == Long.MIN_VALUE ? Long.MAX_VALUE : v));
    }

    private static String shorten(CharSequence text) {
        return text.length() > 40 ? text.subSequence(0, 40) + "…" : text.toString();
    }

    /** A number too large for SmartApps; an ordinary exception, so apps may catch it. */
    public static final class NumberTooLargeException extends ArithmeticException {
        public NumberTooLargeException(String message) {
            super(message);
        }
    }
}
