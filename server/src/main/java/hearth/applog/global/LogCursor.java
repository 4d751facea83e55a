package hearth.applog.global;

import hearth.web.ApiException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a reader of a SmartApp's log is: the last line id it has seen on each Server, written
 * {@code na01:123,eu01:45}. It is also the SSE event id, so a reconnect with Last-Event-ID goes
 * on from exactly there. A Server it doesn't name has shown nothing yet: its lines start at 0.
 */
record LogCursor(Map<String, Long> positions) {
    static final LogCursor START = new LogCursor(Map.of());

    LogCursor {
        positions = Collections.unmodifiableMap(new LinkedHashMap<>(positions));
    }

    static LogCursor parse(String text) {
        Map<String, Long> positions = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return START;
        }
        for (String part : text.split(",")) {
            int colon = part.lastIndexOf(':');
            try {
                if (colon <= 0) {
                    throw new NumberFormatException();
                }
                positions.put(part.substring(0, colon).trim(), Long.parseLong(part.substring(colon + 1).trim()));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("cursor '" + text + "' is not one this API gave out: pass the cursor "
                        + "of an earlier answer (or the id of the last event seen), or none for the newest lines");
            }
        }
        return new LogCursor(positions);
    }

    long of(String server) {
        return positions.getOrDefault(server, 0L);
    }

    LogCursor with(String server, long id) {
        Map<String, Long> next = new LinkedHashMap<>(positions);
        next.merge(server, id, Math::max);
        return new LogCursor(next);
    }

    @Override
    public String toString() {
        return positions.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
