package hearth.automation;

import java.time.Instant;

/** A handler to run at {@code runAt}: once ({@code cron} null) or again and again by its cron expression. */
public record ScheduledJob(String id, String installationId, String handler, String cron, Instant runAt,
                           Instant createdAt) {
}
