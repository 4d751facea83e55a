package hearth.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants to and from the database, and durations in words for error descriptions. */
public final class Times {
    private Times() {
    }

    public static OffsetDateTime db(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column as an instant (exact, whatever the JVM's zone: TimesTest). */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs, rs.findColumn(column));
    }

    /** {@link #instant(ResultSet, String)} by the column's position. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** "3 hours", "1 minute", "45 seconds": the largest whole unit, for people to read. */
    public static String inWords(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds >= 86_400) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds >= 3_600) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds >= 60) {
            return plural(seconds / 60, "minute");
        }
        return plural(seconds, "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
