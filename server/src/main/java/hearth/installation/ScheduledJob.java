package hearth.installation;

import org.springframework.scheduling.support.CronExpression;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** A handler to run at {@code runAt}: once ({@code cron} null) or again and again by its cron expression. */
public record ScheduledJob(String id, String installationId, String handler, String cron, Instant runAt,
                           Instant createdAt) {

    /** When a job with this cron expression runs next after {@code after}, in the Location's zone. */
    public static Instant next(String cron, ZoneId zone, Instant after) {
        ZonedDateTime next = CronExpression.parse(cron).next(after.atZone(zone));
        return next == null ? after.plusSeconds(86_400) : next.toInstant();
    }
}
