package hearth.applog;

import hearth.engine.api.LogLine.Level;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a SmartApp's log as its developer reads it. Everything in it is already masked
 * ({@link hearth.engine.api.LogLine#mask}) and free of host paths, query strings and headers.
 *
 * @param id             the line's number on its Server, rising; 0 before it is stored
 * @param server         the Server whose database holds the line (set when read)
 * @param installationId the Installation whose call wrote it
 * @param reference      for a failure, the id its 500 body (or the server's log) named
 * @param detail         what else there is to say, by kind: a failure's type, line and frames,
 *                       an event's device and value, an outbound request's host and status
 */
public record AppLogEntry(long id, String server, Instant time, String smartAppId, String installationId,
                          Level level, Kind kind, String message, String reference, Map<String, Object> detail) {
    public AppLogEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(smartAppId, "smartAppId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Map<String, Object> kept = new LinkedHashMap<>();
        if (detail != null) {
            detail.forEach((k, v) -> {
                if (v != null) {
                    kept.put(k, v);
                }
            });
        }
        detail = Collections.unmodifiableMap(kept);
    }

    /** What wrote the line. */
    public enum Kind {
        /** the app's own {@code log.*} */
        LOG,
        /** a handler threw, or broke a sandbox rule */
        ERROR,
        /** installed(), updated(), uninstalled() */
        LIFECYCLE,
        /** a subscribed event was delivered to a handler */
        EVENT,
        /** a runIn/schedule handler ran */
        SCHEDULE,
        /** an outbound request the app sent */
        HTTP,
        /** a limit stopped or refused a call: time, memory, executions per minute */
        LIMIT,
        /** lines that came faster than they could be stored, counted */
        DROPPED
    }

    public AppLogEntry stored(long id, String server) {
        return new AppLogEntry(id, server, time, smartAppId, installationId, level, kind, message, reference, detail);
    }
}
