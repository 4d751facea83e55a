package hearth.engine.api;

import java.time.Instant;

/**
 * Which recorded events a SmartApp asks for, as classic {@code events}, {@code eventsSince},
 * {@code eventsBetween}, {@code statesSince} and {@code statesBetween} do: the newest first, at most
 * {@code max} (classic: 10 unless {@code [max: n]}, never more than 1000).
 *
 * @param attribute only events of this attribute (the {@code states*} forms); null for all
 * @param from      the oldest time wanted, inclusive; null for no bound
 * @param to        the newest time wanted, inclusive; null for no bound
 * @param max       how many at most, 0 to {@link #LIMIT}
 */
public record EventQuery(String attribute, Instant from, Instant to, int max) {
    /** Classic {@code events()} without {@code max}. */
    public static final int DEFAULT_MAX = 10;
    /** The classic platform's bound on what one history call returns, and so on the rows one call reads. */
    public static final int LIMIT = 1000;

    public EventQuery {
        max = Math.max(0, Math.min(max, LIMIT));
    }

    /** The latest {@code max} events. */
    public static EventQuery latest(int max) {
        return new EventQuery(null, null, null, max);
    }

    /** The same question, asked no further back than {@code horizon} (what the host still keeps). */
    public EventQuery notBefore(Instant horizon) {
        return horizon == null || from != null && !from.isBefore(horizon) ? this
                : new EventQuery(attribute, horizon, to, max);
    }

    /** Whether an event of this attribute at this time is one of the answers (for hosts that filter in memory). */
    public boolean matches(String name, Instant date) {
        return (attribute == null || attribute.equals(name)) && (from == null || !date.isBefore(from))
                && (to == null || !date.isAfter(to));
    }
}
