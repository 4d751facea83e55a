package hearth.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as the pages show them: to the minute, in UTC, said so (a Location's zone may differ from the reader's). */
public final class PageTimes {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private PageTimes() {
    }

    public static String format(Instant instant, String whenNull) {
        return instant == null ? whenNull : FORMAT.format(instant);
    }
}
