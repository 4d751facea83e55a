package hearth.engine.runtime;

import hearth.engine.api.AppPage;
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
    /** The sections of the page being read, and the elements of the one being read (null outside one). */
    private final List<AppPage.Section> sections = new ArrayList<>();
    private List<AppPage.Element> elements;
    private final List<String> pageNames = new ArrayList<>();

    void inSection(String title, Runnable body) {
        inSection(title, false, false, body);
    }

    void inSection(String title, boolean hideable, boolean hidden, Runnable body) {
        String outer = section;
        List<AppPage.Element> outerElements = elements;
        section = title;
        elements = new ArrayList<>();
        try {
            body.run();
        } finally {
            sections.add(new AppPage.Section(title, hideable, hidden, elements));
            section = outer;
            elements = outerElements;
        }
    }

    /** What a section shows besides inputs; outside a section it opens an untitled one, as classic did. */
    void element(AppPage.Element element) {
        if (elements != null) {
            elements.add(element);
        } else {
            sections.add(new AppPage.Section(null, false, false, List.of(element)));
        }
    }

    /** A page's name, in declaration order, static or dynamic. */
    void pageName(String name) {
        if (!pageNames.contains(name)) {
            pageNames.add(name);
        }
    }

    List<String> pageNames() {
        return List.copyOf(pageNames);
    }

    /** The page read into this collector, described by {@code page}'s or {@code dynamicPage}'s options. */
    AppPage page(String name, Map<?, ?> options) {
        Map<?, ?> o = options == null ? Map.of() : options;
        return new AppPage(name, string(o.get("title")), truthy(o.get("install"), false),
                truthy(o.get("uninstall"), false), string(o.get("nextPage")), sections);
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
        PreferenceInput input = new PreferenceInput(n, t, string(o.get("title")), section,
                truthy(o.get("multiple"), false), truthy(o.get("required"), true), options(o.get("options") != null
                ? o.get("options") : o.get("metadata") instanceof Map<?, ?> metadata ? metadata.get("values") : null),
                plain(o.get("defaultValue")));
        inputs.add(input);
        element(new AppPage.Input(input));
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

    static boolean truthy(Object o, boolean otherwise) {
        if (o == null) {
            return otherwise;
        }
        if (o instanceof Boolean b) {
            return b;
        }
        return Boolean.parseBoolean(o.toString());
    }

    static String string(Object o) {
        return o == null ? null : o.toString();
    }

    private static Object plain(Object o) {
        return PlainValues.of(o);
    }
}
