package hearth.engine.dsl;

import hearth.engine.api.EventQuery;

import java.util.Date;
import java.util.Map;

/** The classic history forms' arguments as one {@link EventQuery}: dates inclusive, {@code [max: n]} or 10. */
final class History {
    private History() {
    }

    static EventQuery query(String attribute, Date from, Date to, Map<?, ?> options) {
        int max = EventQuery.DEFAULT_MAX;
        Object requested = options == null ? null : options.get("max");
        if (requested instanceof Number n) {
            max = (int) Math.max(0, Math.min(n.longValue(), EventQuery.LIMIT));
        }
        return new EventQuery(attribute, from == null ? null : from.toInstant(), to == null ? null : to.toInstant(),
                max);
    }
}
