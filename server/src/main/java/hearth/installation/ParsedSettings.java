package hearth.installation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Per node, the settings of recently called Installations as parsed from their JSON, by that text:
 * an installation API call reads the text with its token and parses it only when it changed (parsing
 * was 6-7% of a call, issue 15). Each call gets its own copy of the maps and lists, as a parse gave it,
 * so an app that changes what it was handed (a list setting's {@code sort()}) changes nothing kept.
 */
final class ParsedSettings {
    static final int MAX_INSTALLATIONS = 10_000;

    private record Parsed(String json, Map<String, Object> values) {
    }

    private final Cache<String, Parsed> parsed = Caffeine.newBuilder().maximumSize(MAX_INSTALLATIONS).build();

    /** The settings {@code json} holds, parsed by {@code parse} unless this Installation's last text was the same. */
    Map<String, Object> of(String installationId, String json, Function<String, Map<String, Object>> parse) {
        Parsed kept = parsed.getIfPresent(installationId);
        if (kept == null || !kept.json().equals(json)) {
            kept = new Parsed(json, parse.apply(json));
            parsed.put(installationId, kept);
        }
        return copy(kept.values());
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copied = new LinkedHashMap<>();
            map.forEach((k, v) -> copied.put(k, copy(v)));
            return (T) copied;
        }
        if (value instanceof List<?> list) {
            List<Object> copied = new ArrayList<>(list.size());
            list.forEach(v -> copied.add(copy(v)));
            return (T) copied;
        }
        return value;   // strings, numbers, booleans, null: nothing to change in them
    }
}
