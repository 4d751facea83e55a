package hearth.applog;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How much of each SmartApp's log a Server keeps (prefix {@code hearth.app-log}): the newest
 * {@code maxLines} lines no older than {@code maxAge}, whichever is fewer; {@code queue} lines may
 * wait to be written before further ones are dropped (and counted, in one line).
 */
@ConfigurationProperties("hearth.app-log")
public record AppLogProperties(Integer maxLines, Duration maxAge, Integer queue) {
    public AppLogProperties {
        maxLines = maxLines == null ? 10_000 : maxLines;
        maxAge = maxAge == null ? Duration.ofDays(7) : maxAge;
        queue = queue == null ? 10_000 : queue;
        if (maxLines < 1 || queue < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("hearth.app-log: max-lines and queue must be at least 1 and max-age "
                    + "positive (got " + maxLines + ", " + queue + ", " + maxAge + ")");
        }
    }
}
