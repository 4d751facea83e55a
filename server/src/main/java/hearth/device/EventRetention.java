package hearth.device;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long this Server keeps device and Location events (prefix {@code hearth.events}). Classic
 * SmartThings kept seven days and its history calls looked no further back; Hearth does the same by
 * default, so an app's {@code eventsSince(a month ago)} answers what classic answered.
 *
 * @param maxAge     events older than this are no longer answered and are deleted
 * @param pruneEvery how often the deletion runs
 */
@ConfigurationProperties("hearth.events")
public record EventRetention(Duration maxAge, Duration pruneEvery) {
    public EventRetention {
        maxAge = maxAge == null || maxAge.isNegative() || maxAge.isZero() ? Duration.ofDays(7) : maxAge;
        pruneEvery = pruneEvery == null || pruneEvery.isNegative() || pruneEvery.isZero() ? Duration.ofHours(1)
                : pruneEvery;
    }
}
