package hearth.engine.sandbox;

import groovy.lang.MetaMethod;
import groovy.lang.Range;
import hearth.engine.limit.Deadline;
import hearth.engine.limit.ExecutionTimeoutSignal;
import hearth.engine.limit.MemoryLimitSignal;
import hearth.engine.limit.Numbers;
import org.codehaus.groovy.reflection.CachedMethod;
import org.codehaus.groovy.runtime.ScriptBytecodeAdapter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a call may cost. Time: {@link #tick()} starts every method, closure and loop body of app
 * code (and the {@link Gate} checks every so often), ending the call at its deadline. Memory and
 * CPU that the JDK would spend without ever checking an interrupt: the members whose cost grows
 * with their arguments ({@code BigInteger.pow}, {@code **}, permutations, {@code Arrays.copyOf},
 * format widths, {@code join}, {@code multiply}, {@code padLeft}, ...) are bounded by size
 * <em>before</em> they run, so a call that would ignore its deadline is refused, not waited for.
 */
public final class Limits {
    /** Elements of one collection or array an app builds in one step. */
    public static final int MAX_ELEMENTS = 1_000_000;
    /** Elements of a numeric range. */
    public static final long MAX_RANGE = 10_000_000;
    /** Repetitions of a string or list ({@code *}, {@code repeat}, {@code padLeft}). */
    public static final long MAX_REPEAT = 1_000_000;
    /** Characters of one string an app builds in one step. */
    public static final long MAX_TEXT = 32L * 1024 * 1024;
    /** Bits of a BigInteger an operation may produce. */
    public static final long MAX_BITS = Numbers.MAX_BITS;
    /** Digits a format, a pattern width or a tab stop may ask for. */
    public static final int MAX_WIDTH = 100_000;

    private static final Pattern FORMAT_WIDTH = Pattern.compile("%(?:\\d+\\$)?[-#+ 0,(<]*(\\d+)?(?:\\.(\\d+))?");

    private Limits() {
    }

    // ---- time and allocation ----------------------------------------------------------------------

    /** Compiled into every method, closure and loop body: ends the call once its time is up. */
    public static void tick() {
        if (!Deadline.inCall()) {
            // app code runs only on the engine's workers, inside a call (never on a pool thread it found)
            throw new ExecutionTimeoutSignal("SmartApp code ran outside a call");
        }
        if (Thread.currentThread().isInterrupted() || Deadline.passed()) {
            throw new ExecutionTimeoutSignal("the SmartApp ran out of time");
        }
        if (Deadline.overBudget()) {
            throw new MemoryLimitSignal("the SmartApp allocated too much memory in one call");
        }
    }

    /** The gate's cheap check: the full {@link #tick()} every few calls. */
    static void check() {
        if (Deadline.countdown()) {
            tick();
        }
    }

    /** {@code a..b}: bounded, since {@code (1..n).toList()} and a date range's size never tick. */
    public static Object range(Object from, Object to, boolean exclusiveLeft, boolean exclusiveRight)
            throws Throwable {
        tick();
        long size = rangeSize(from, to);
        if (size > MAX_RANGE) {
            throw new SandboxViolationException("ranges are limited to " + MAX_RANGE + " elements");
        }
        return Gate.admit(ScriptBytecodeAdapter.createRange(from, to, exclusiveLeft, exclusiveRight));
    }

    private static long rangeSize(Object from, Object to) {
        if (from == null || to == null) {
            return 0;
        }
        if (from instanceof Number f && to instanceof Number t) {
            double d = Math.abs(t.doubleValue() - f.doubleValue());
            return d > Long.MAX_VALUE ? Long.MAX_VALUE : (long) d;
        }
        if (from instanceof Date f && to instanceof Date t) {
            return Math.abs(t.getTime() - f.getTime()) / 86_400_000L;
        }
        if (from instanceof Temporal f && to instanceof Temporal t) {
            try {
                return Math.abs(ChronoUnit.DAYS.between(f, t));
            } catch (RuntimeException e) {
                return 0;
            }
        }
        if (from instanceof Character || to instanceof Character
                || from instanceof CharSequence f && to instanceof CharSequence t && f.length() <= 1 && t.length() <= 1) {
            return 0;
        }
        // 'a'..'zzzzzz' has 300 million elements, and Groovy counts them one by one
        throw new SandboxViolationException("ranges are only of numbers, single characters and dates, not of "
                + from.getClass().getSimpleName());
    }

    /** {@code new X[n]}: bounded, since memory can't be bounded per script. */
    public static int arraySize(Object n) {
        int size = ((Number) n).intValue();
        if (size > MAX_ELEMENTS) {
            throw new SandboxViolationException("arrays are limited to " + MAX_ELEMENTS + " elements, not " + size);
        }
        return size;
    }

    // ---- costs by argument ------------------------------------------------------------------------

    /** Before the gate invokes {@code method} on {@code receiver}: refuses what would cost too much. */
    static void beforeCall(Object receiver, MetaMethod method, Object[] args) {
        String name = method.getName();
        switch (name) {
            case "serialize" -> {
                // a parsed document only (Groovy picks serialize(Writable) for one): any other text or
                // Writable would be parsed by the JDK's transformer, DTDs and external entities included
                if (receiver == groovy.xml.XmlUtil.class
                        && !(args.length == 1 && args[0] instanceof groovy.xml.slurpersupport.GPathResult)) {
                    throw new SandboxViolationException("XmlUtil.serialize() takes a parsed document (request.XML,"
                            + " resp.data), not text");
                }
            }
            case "multiply" -> {
                if (args.length == 1) {
                    repeat(receiver, args[0], "repeating");
                    bits(receiver, args[0], "multiply");
                }
            }
            case "repeat", "padLeft", "padRight", "center" -> {
                if (args.length >= 1 && args[0] instanceof Number n) {
                    if (n.doubleValue() > MAX_REPEAT) {
                        throw new SandboxViolationException(name + "() is limited to " + MAX_REPEAT + ", not " + n);
                    }
                    if (name.equals("repeat")) {
                        repeat(receiver, n, name + "()");
                    }
                }
            }
            case "power", "pow" -> power(receiver, args);
            case "shiftLeft", "setBit", "flipBit", "clearBit" -> {
                if ((receiver instanceof BigInteger || receiver instanceof BigDecimal) && args.length == 1
                        && args[0] instanceof Number n && Math.abs(n.doubleValue()) > MAX_BITS) {
                    throw new SandboxViolationException(name + "() is limited to " + MAX_BITS + " bits");
                }
            }
            case "setScale", "movePointLeft", "movePointRight", "scaleByPowerOfTen" -> {
                if (receiver instanceof BigDecimal && args.length >= 1 && args[0] instanceof Number n
                        && Math.abs(n.doubleValue()) > Numbers.MAX_SCALE) {
                    throw new SandboxViolationException(name + "() is limited to a scale of " + Numbers.MAX_SCALE);
                }
            }
            case "permutations" -> {
                if (sizeOf(receiver) > 9) {
                    throw new SandboxViolationException("permutations() is limited to 9 elements (362,880 lists); "
                            + "use eachPermutation { }");
                }
            }
            case "subsequences" -> {
                if (sizeOf(receiver) > 19) {
                    throw new SandboxViolationException("subsequences() is limited to 19 elements");
                }
            }
            case "combinations" -> {
                long product = 1;
                if (receiver instanceof Iterable<?> lists) {
                    for (Object l : lists) {
                        product = Math.multiplyExact(product, Math.max(1, sizeOf(l)));
                        if (product > MAX_ELEMENTS) {
                            throw new SandboxViolationException("combinations() is limited to " + MAX_ELEMENTS
                                    + " results; use eachCombination { }");
                        }
                    }
                }
            }
            case "copyOf", "copyOfRange", "nCopies", "ensureCapacity", "setLength" -> {
                for (Object a : args) {
                    if (a instanceof Number n && !(a instanceof BigDecimal) && n.doubleValue() > MAX_ELEMENTS
                            && !name.equals("setLength") || name.equals("setLength") && a instanceof Number m
                            && m.doubleValue() > MAX_TEXT) {
                        throw new SandboxViolationException(name + "() is limited to " + MAX_ELEMENTS + ", not " + a);
                    }
                }
                if (name.equals("nCopies") && args.length == 2 && args[0] instanceof Number n
                        && n.doubleValue() * textSize(args[1], MAX_TEXT) > MAX_TEXT) {
                    throw new SandboxViolationException("nCopies() would make more than " + MAX_TEXT + " characters");
                }
            }
            case "format", "formatted", "sprintf", "printf" -> formats(receiver, args);
            case "expand", "unexpand", "setMinimumIntegerDigits", "setMaximumIntegerDigits",
                 "setMinimumFractionDigits", "setMaximumFractionDigits" -> {
                if (args.length >= 1 && args[0] instanceof Number n && n.doubleValue() > 1000) {
                    throw new SandboxViolationException(name + "() is limited to 1000");
                }
            }
            case "join" -> {
                Object elements = method instanceof CachedMethod && args.length == 2 ? args[1]
                        : receiver; // String.join(sep, elements) / list.join(sep)
                String separator = args.length >= 1 && args[0] instanceof CharSequence cs ? cs.toString() : "";
                long size = textSize(elements, MAX_TEXT) + (long) sizeOf(elements) * separator.length();
                if (size > MAX_TEXT) {
                    throw new SandboxViolationException("join() would make more than " + MAX_TEXT + " characters");
                }
            }
            case "plus", "concat", "append", "insert", "toString", "inspect", "leftShift" -> {
                if (name.equals("leftShift") && (receiver instanceof BigInteger || receiver instanceof Long
                        || receiver instanceof Integer) && args.length == 1 && args[0] instanceof Number n
                        && Math.abs(n.doubleValue()) > MAX_BITS) {
                    throw new SandboxViolationException("shifts are limited to " + MAX_BITS + " bits");
                }
                if (receiver instanceof CharSequence text) {
                    long size = text.length();
                    for (Object a : args) {
                        size += textSize(a, MAX_TEXT);
                    }
                    if (size > MAX_TEXT) {
                        throw new SandboxViolationException("strings are limited to " + MAX_TEXT + " characters");
                    }
                } else if ((receiver instanceof Collection<?> || receiver instanceof Map<?, ?>)
                        && (name.equals("toString") || name.equals("inspect"))
                        && textSize(receiver, MAX_TEXT) > MAX_TEXT) {
                    throw new SandboxViolationException("strings are limited to " + MAX_TEXT + " characters");
                } else if (receiver instanceof Collection<?> c && name.equals("plus") && args.length == 1
                        && (long) c.size() + sizeOf(args[0]) > MAX_ELEMENTS) {
                    throw new SandboxViolationException("collections are limited to " + MAX_ELEMENTS + " elements");
                }
            }
            case "replace" -> {
                if (receiver instanceof CharSequence text && args.length == 2 && args[0] instanceof CharSequence target
                        && args[1] instanceof CharSequence replacement && replacement.length() > target.length()) {
                    long matches = target.length() == 0 ? text.length() + 1 : count(text.toString(), target.toString());
                    if (text.length() + matches * (replacement.length() - target.length()) > MAX_TEXT) {
                        throw new SandboxViolationException("replace() would make more than " + MAX_TEXT
                                + " characters");
                    }
                }
            }
            case "putAt" -> {
                if (receiver instanceof java.util.List<?> && args.length == 2 && args[0] instanceof Number index
                        && index.doubleValue() > MAX_ELEMENTS) {
                    throw new SandboxViolationException("list indexes are limited to " + MAX_ELEMENTS);
                }
            }
            case "addAll" -> {
                if (receiver instanceof Collection<?> c && args.length >= 1
                        && (long) c.size() + sizeOf(args[args.length - 1]) > MAX_ELEMENTS) {
                    throw new SandboxViolationException("collections are limited to " + MAX_ELEMENTS + " elements");
                }
            }
            case "parseText", "parse" -> {
                if (receiver instanceof groovy.json.JsonSlurper && args.length >= 1 && args[0] instanceof CharSequence cs) {
                    Numbers.requireSaneJson(cs);
                }
            }
            default -> {
            }
        }
    }

    static void beforeConstruct(Class<?> type, Object[] args) {
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                || CharSequence.class.isAssignableFrom(type)) {
            for (Object a : args) {
                if (a instanceof Number n && !(a instanceof BigDecimal) && n.longValue() > MAX_ELEMENTS) {
                    throw new SandboxViolationException("initial sizes are limited to " + MAX_ELEMENTS);
                }
            }
        }
        if (Range.class.isAssignableFrom(type) && args.length >= 2) {
            if (rangeSize(args[0], args[1]) > MAX_RANGE) {
                throw new SandboxViolationException("ranges are limited to " + MAX_RANGE + " elements");
            }
        }
        if (type == BigInteger.class && args.length == 2 && args[0] instanceof Number bits
                && args[1] instanceof java.util.Random && bits.doubleValue() > MAX_BITS) {
            throw new SandboxViolationException("BigIntegers are limited to " + MAX_BITS + " bits");
        }
        if (type == BigInteger.class && args.length == 3 && args[2] instanceof java.util.Random) {
            throw new SandboxViolationException("prime generation (new BigInteger(bits, certainty, random)) is not "
                    + "available to SmartApps");
        }
        for (Object a : args) {
            if (a instanceof CharSequence cs && (type == BigDecimal.class || type == BigInteger.class)) {
                Numbers.requireSaneNumber(cs);
            }
        }
    }

    static void beforeCoerce(Object value, Class<?> type) {
        if (value instanceof CharSequence cs && Number.class.isAssignableFrom(type)) {
            Numbers.requireSaneNumber(cs);
        }
        if (value instanceof Collection<?> c && type.isArray() && c.size() > MAX_ELEMENTS) {
            throw new SandboxViolationException("arrays are limited to " + MAX_ELEMENTS + " elements");
        }
    }

    /** Numbers the app gets: no BigDecimal whose scale makes every later operation take minutes. */
    static void admitNumber(Object value) {
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            Numbers.requireSane((Number) value);
        }
    }

    /** Arithmetic on small numbers needs no bound (the fast path of {@code a + b}). */
    static boolean cheapArithmetic(String method, Object left, Object right) {
        if (left instanceof BigInteger || left instanceof BigDecimal || right instanceof BigInteger
                || right instanceof BigDecimal) {
            return false;
        }
        return switch (method) {
            case "plus", "minus", "multiply", "div", "intdiv", "mod", "remainder", "and", "or", "xor",
                 "compareTo" -> true;
            default -> false;
        };
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static void repeat(Object receiver, Object times, String what) {
        if (!(times instanceof Number n) || !(receiver instanceof CharSequence || receiver instanceof Collection<?>
                || receiver instanceof Object[])) {
            return;
        }
        if (n.doubleValue() > MAX_REPEAT) {
            throw new SandboxViolationException(what + " is limited to " + MAX_REPEAT + " times");
        }
        if (receiver instanceof CharSequence cs && cs.length() * n.doubleValue() > MAX_TEXT
                || !(receiver instanceof CharSequence) && sizeOf(receiver) * n.doubleValue() > MAX_ELEMENTS) {
            throw new SandboxViolationException(what + " would make more than "
                    + (receiver instanceof CharSequence ? MAX_TEXT + " characters" : MAX_ELEMENTS + " elements"));
        }
    }

    private static void bits(Object left, Object right, String what) {
        if ((left instanceof BigInteger || left instanceof BigDecimal || right instanceof BigInteger
                || right instanceof BigDecimal) && left instanceof Number a && right instanceof Number b
                && Numbers.bits(a) + Numbers.bits(b) > MAX_BITS) {
            throw new SandboxViolationException(what + "() would make a number of more than " + MAX_BITS + " bits");
        }
    }

    /** {@code a ** b}, {@code BigInteger.pow(n)}: the result's size is known before computing it. */
    private static void power(Object receiver, Object[] args) {
        if (!(receiver instanceof Number base) || args.length != 1 || !(args[0] instanceof Number exponent)) {
            return;
        }
        if (receiver instanceof Double || receiver instanceof Float || args[0] instanceof Double
                || args[0] instanceof Float) {
            return; // floating point: constant cost
        }
        double e = Math.abs(exponent.doubleValue());
        double result = Math.max(1, Numbers.bits(base)) * e;
        if (base instanceof BigDecimal bd) {
            result = Math.max(result, (double) Math.abs(bd.scale()) * e);
        }
        if (result > MAX_BITS && !(Math.abs(base.doubleValue()) <= 1 && !(base instanceof BigDecimal))) {
            throw new SandboxViolationException("powers are limited to results of " + MAX_BITS + " bits");
        }
    }

    /** Widths and precisions of a format string ({@code %1000000000d}) pad before anything checks. */
    private static void formats(Object receiver, Object[] args) {
        for (Object candidate : receiver instanceof CharSequence ? new Object[] {receiver, first(args)} : args) {
            if (candidate instanceof CharSequence format) {
                long total = 0;
                Matcher m = FORMAT_WIDTH.matcher(format);
                while (m.find()) {
                    for (int g = 1; g <= 2; g++) {
                        if (m.group(g) != null) {
                            long width = m.group(g).length() > 9 ? Long.MAX_VALUE : Long.parseLong(m.group(g));
                            if (width > MAX_WIDTH) {
                                throw new SandboxViolationException("format widths are limited to " + MAX_WIDTH
                                        + ", not " + m.group(g));
                            }
                            total += width;
                        }
                    }
                }
                if (total > MAX_TEXT) {
                    throw new SandboxViolationException("a format is limited to " + MAX_TEXT + " characters");
                }
            }
        }
    }

    private static Object first(Object[] args) {
        return args.length == 0 ? null : args[0];
    }

    private static int sizeOf(Object o) {
        if (o instanceof Collection<?> c) {
            return c.size();
        }
        if (o instanceof Map<?, ?> m) {
            return m.size();
        }
        if (o instanceof Object[] a) {
            return a.length;
        }
        if (o instanceof CharSequence cs) {
            return cs.length();
        }
        if (o != null && o.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(o);
        }
        return 1;
    }

    /** An estimate, from above where it matters, of the text {@code o} becomes; stops past {@code budget}. */
    static long textSize(Object o, long budget) {
        if (o == null) {
            return 4;
        }
        if (o instanceof CharSequence cs) {
            return cs.length();
        }
        if (o instanceof Collection<?> c) {
            long size = 2;
            for (Object e : c) {
                size += 2 + textSize(e, budget - size);
                if (size > budget) {
                    return size;
                }
            }
            return size;
        }
        if (o instanceof Map<?, ?> m) {
            long size = 2;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                size += 3 + textSize(e.getKey(), budget - size) + textSize(e.getValue(), budget - size);
                if (size > budget) {
                    return size;
                }
            }
            return size;
        }
        if (o instanceof Object[] a) {
            return textSize(java.util.Arrays.asList(a), budget);
        }
        if (o instanceof BigInteger || o instanceof BigDecimal) {
            return Numbers.bits((Number) o) / 3 + 2;
        }
        return 24;
    }

    private static long count(String text, String target) {
        long n = 0;
        for (int i = text.indexOf(target); i >= 0; i = text.indexOf(target, i + target.length())) {
            n++;
        }
        return n;
    }

    /** Names that only matter for {@link #beforeCall} (for tests). */
    static Set<String> guarded() {
        return Set.of("multiply", "repeat", "padLeft", "padRight", "center", "power", "pow", "shiftLeft", "join",
                "permutations", "subsequences", "combinations", "copyOf", "copyOfRange", "format", "sprintf");
    }
}
