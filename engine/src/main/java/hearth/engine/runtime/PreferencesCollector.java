package hearth.engine.runtime;

import hearth.engine.api.PreferenceInput;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Collects the {@code input}s of a preferences block (or of one dynamic page) in order, with the
 * title of the section each sits in. Classic inputs are required unless they say otherwise, and text
 * fields unless they name a type.
 */
final class PreferencesCollector {
    private final List<PreferenceInput> inputs = new ArrayList<>();
    private final java.util.Map<String, String> dynamicPages = new java.util.LinkedHashMap<>();
    private String section;

    void inSection(String title, Runnable body) {
        String outer = section;
        section = title;
        try {
            body.run();
        } finally {
            section = outer;
        }
    }

    /** A page whose inputs come from running {@code contentMethod}. */
    void dynamicPage(String name, String contentMethod) {
        dynamicPages.put(name, contentMethod);
    }

    void input(Map<?, ?> options, String name, String type) {
        Map<?, ?> o = options == null ? Map.of() : options;
        String n = name != null ? name : string(o.get("name"));
        String t = type != null ? type : string(o.get("type"));
        if (n == null || n.isBlank()) {
            throw new IllegalArgumentException("an input needs a name");
        }
        if (t == null || t.isBlank()) {
            t = "text"; // classic showed an input without a type as a text field (Ask Alexa's invocationName)
        }
        inputs.add(new PreferenceInput(n, t, string(o.get("title")), section, truthy(o.get("multiple"), false),
                truthy(o.get("required"), true), options(o.get("options") != null ? o.get("options")
                : o.get("metadata") instanceof Map<?, ?> metadata ? metadata.get("values") : null),
                plain(o.get("defaultValue"))));
    }

    void add(PreferenceInput input) {
        inputs.add(input);
    }

    List<PreferenceInput> inputs() {
        return List.copyOf(inputs);
    }

    /** Page name -> content method, in declaration order. */
    java.util.Map<String, String> dynamicPages() {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dynamicPages));
    }

    /**
     * {@code options: ["a", "b"]}, {@code options: [[a: "A"], [b: "B"]]} or {@code options: [a: "A"]}: the
     * keys; the older {@code metadata: [values: ["a", "b"]]} is the same list.
     */
    private static List<String> options(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof Map<?, ?> m) {
            m.keySet().forEach(k -> out.add(String.valueOf(k)));
        } else if (o instanceof Collection<?> c) {
            for (Object item : c) {
                if (item instanceof Map<?, ?> m) {
                    m.keySet().forEach(k -> out.add(String.valueOf(k)));
                } else if (item != null) {
                    out.add(item.toString());
                }
            }
        }
        return out;
    }

    private static boolean truthy(Object o, boolean otherwise) {
        if (o == null) {
            return otherwise;
        }
        if (o instanceof Boolean b) {
            return b;
        }
        return Boolean.parseBoolean(o.toString());
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    private static Object plain(Object o) {
        return PlainValues.of(o);
    }
}
