package hearth.engine.runtime;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.TimeZone;

/** The classic platform's time helpers, on java.time. */
final class ClassicTime {
    private ClassicTime() {
    }

    /** "07:30" (or an ISO date-time, whose time of day counts) as that time today in {@code tz}. */
    static Date timeToday(String time, TimeZone tz) {
        ZoneId zone = tz.toZoneId();
        LocalTime t;
        try {
            t = LocalTime.parse(time);
        } catch (DateTimeParseException e) {
            t = toDateTime(time).toInstant().atZone(zone).toLocalTime();
        }
        return Date.from(ZonedDateTime.of(LocalDate.now(zone), t, zone).toInstant());
    }

    /** ISO-8601 with an offset, also in the classic "-0600" form. */
    static Date toDateTime(String iso) {
        String s = iso.trim();
        if (s.matches(".*[+-]\\d{4}$")) {
            s = s.substring(0, s.length() - 2) + ":" + s.substring(s.length() - 2);
        }
        return Date.from(OffsetDateTime.parse(s).toInstant());
    }

    /** Whether {@code value}'s time of day lies between the two, across midnight when start > stop. */
    static boolean timeOfDayIsBetween(Date start, Date stop, Date value, TimeZone tz) {
        ZoneId zone = tz.toZoneId();
        LocalTime a = start.toInstant().atZone(zone).toLocalTime();
        LocalTime b = stop.toInstant().atZone(zone).toLocalTime();
        LocalTime v = value.toInstant().atZone(zone).toLocalTime();
        return a.isBefore(b) ? !v.isBefore(a) && !v.isAfter(b) : !v.isBefore(a) || !v.isAfter(b);
    }
}
