package hearth.location;

import java.time.Instant;

/** A home, hosted by exactly one Server ({@code serverName}). */
public record Location(String id, String ownerId, String name, String timeZone, String serverName, String mode,
                       Instant createdAt) {
}
