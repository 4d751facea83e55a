package hearth.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query string, read once by hand (so a form body is left for the SmartApp) and
 * decoded as a form: {@code +} is a space, {@code %XX} a byte of UTF-8. A malformed escape does
 * not throw here; {@link #malformed()} says so, and the caller answers it in its own protocol.
 */
public record QueryParameters(List<Map.Entry<String, String>> entries, boolean malformed) {
    public static final QueryParameters NONE = new QueryParameters(List.of(), false);

    public QueryParameters {
        entries = List.copyOf(entries);
    }

    public static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return NONE;
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        boolean malformed = false;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                entries.add(Map.entry(decode(name), decode(value)));
            } catch (IllegalArgumentException badEscape) {
                malformed = true;
            }
        }
        return new QueryParameters(entries, malformed);
    }

    /** Every value sent under {@code name}, in order. */
    public List<String> all(String name) {
        return entries.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    /** The first value of each name except {@code left out}, in order: what a SmartApp gets as {@code params}. */
    public Map<String, String> firstValuesExcept(String leftOut) {
        Map<String, String> first = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries) {
            if (!e.getKey().equals(leftOut)) {
                first.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        return first;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
