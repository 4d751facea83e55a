package hearth.location;

import java.time.Instant;
import java.util.List;

/** A home, hosted by exactly one Server ({@code serverName}). */
public record Location(String id, String ownerId, String name, String timeZone, String serverName, String mode,
                       Instant createdAt) {
    /** Classic locations start in these modes; {@code mode} is one of them. */
    public static final List<String> MODES = List.of("Home", "Away", "Night");
}
