package hearth.engine.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what app code produced into plain Java values (String, Number, Boolean, List, Map) while
 * still on the worker thread: a GString or any other object may run app code when converted
 * (a lazy {@code "${-> ...}"}), which must happen inside the call's limits, never on the host's
 * thread.
 */
final class PlainValues {
    private PlainValues() {
    }

    static Object of(Object o) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean) {
            return o;
        }
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), of(v)));
            return out;
        }
        if (o instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(v -> out.add(of(v)));
            return out;
        }
        return String.valueOf(o);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m) {
        return m == null ? null : (Map<String, Object>) of(m);
    }
}
