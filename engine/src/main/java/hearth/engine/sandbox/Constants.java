package hearth.engine.sandbox;

import groovy.lang.GString;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value of a {@code static final} field. A SmartApp's class is shared by every Installation of
 * it, across accounts, so a static field is a channel between them unless its value cannot change:
 * the compiler wraps every static initialiser in {@link #freeze}, which keeps strings, numbers,
 * booleans and patterns as they are, copies lists, sets and maps of them into unmodifiable ones
 * (in their order), and refuses anything else.
 */
public final class Constants {
    private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Boolean.class, Character.class,
            Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class, BigInteger.class,
            BigDecimal.class, Pattern.class);

    private Constants() {
    }

    public static Object freeze(Object value) {
        Limits.tick();
        if (value == null || IMMUTABLE.contains(value.getClass())) {
            return value;
        }
        if (value instanceof GString text) {
            return text.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(freeze(k), freeze(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Set<?> set) {
            Set<Object> copy = new LinkedHashSet<>();
            set.forEach(v -> copy.add(freeze(v)));
            return Collections.unmodifiableSet(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(freeze(v)));
            return Collections.unmodifiableList(copy);
        }
        throw new SandboxViolationException("a static field may hold only constants (strings, numbers, booleans"
                + " and lists or maps of them), not " + kind(value) + ": every Installation of the SmartApp"
                + " shares it; keep changing values in state, or drop 'static'");
    }

    private static String kind(Object value) {
        if (value instanceof groovy.lang.Closure<?>) {
            return "a closure";
        }
        return value.getClass().isArray() ? "an array" : "a " + value.getClass().getName();
    }
}
