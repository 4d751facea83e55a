package hearth.applog;

import hearth.engine.api.LogLine.Level;

import java.time.Instant;

/**
 * Which lines of one SmartApp's log on one Server a reader asks for.
 *
 * @param installation only this Installation's, or null for all
 * @param level        this level and above, or null for all
 * @param since        written at or after this time, or null
 * @param after        only lines after this id, oldest first; when null, the newest lines
 * @param limit        at most this many
 */
public record AppLogQuery(String installation, Level level, Instant since, Long after, int limit) {
    public static final int MAX_LIMIT = 1000;

    public AppLogQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public AppLogQuery after(Long id) {
        return new AppLogQuery(installation, level, since, id, limit);
    }
}
