package hearth.automation;

import hearth.engine.api.AppEvent;
import hearth.installation.LeaseLost;
import hearth.support.Leases;
import hearth.support.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

/**
 * The event outbox in the database: events waiting for their subscribed handlers, in order per
 * Installation, and the lease by which one node at a time delivers an Installation's events.
 */
@Repository
class EventOutbox {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String INSERT = "INSERT INTO event_outbox (installation_id, handler, name, value_json, unit, "
            + "device_id, display_name, description, event_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String WAITING = "SELECT DISTINCT installation_id FROM event_outbox "
            + "FETCH FIRST ? ROWS ONLY";
    private static final String NEXT = "SELECT * FROM event_outbox WHERE installation_id = ? ORDER BY id "
            + "FETCH FIRST ? ROWS ONLY";
    private static final String DEPTH = "SELECT COUNT(*) FROM event_outbox";
    private static final String OLDEST = "SELECT MIN(event_date) FROM event_outbox";
    private static final String DELIVERED = "DELETE FROM event_outbox WHERE id = ?";

    /** One waiting event: its row id, the Installation and handler it is for, and the event. */
    record Waiting(long id, String installationId, String handler, AppEvent event) {
    }

    private static final RowMapper<Waiting> ROW = (rs, n) -> new Waiting(rs.getLong("id"),
            rs.getString("installation_id"), rs.getString("handler"), new AppEvent(rs.getString("name"),
            value(rs.getString("value_json")), rs.getString("unit"), rs.getString("device_id"),
            rs.getString("display_name"), Times.instant(rs, "event_date"), rs.getString("description")));

    private final JdbcClient jdbc;
    private final Leases leases;

    EventOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.leases = new Leases(jdbc, "outbox_lease", "installation_id");
    }

    /** Adds an event for a handler; meant for the transaction that records the event itself. */
    void add(String installationId, String handler, AppEvent event) {
        jdbc.sql(INSERT).params(installationId, handler, event.name(), JSON.writeValueAsString(event.value()),
                event.unit(), event.deviceId(), event.displayName(), event.descriptionText(),
                Times.db(event.date())).update();
    }

    /** Installations with events waiting. */
    List<String> waiting(int max) {
        return jdbc.sql(WAITING).param(max).query(String.class).list();
    }

    /** The Installation's next events, oldest first. */
    List<Waiting> next(String installationId, int max) {
        return jdbc.sql(NEXT).params(installationId, max).query(ROW).list();
    }

    long depth() {
        return jdbc.sql(DEPTH).query(Long.class).single();
    }

    /** When the oldest waiting event happened, or null when none waits. */
    Instant oldest() {
        return jdbc.sql(OLDEST).query((rs, n) -> {
            java.time.OffsetDateTime oldest = rs.getObject(1, java.time.OffsetDateTime.class);
            return oldest == null ? null : oldest.toInstant();
        }).optional().orElse(null);
    }

    /** Takes the Installation's lease for {@code claim} when free; true when this claim now holds it. */
    boolean take(String installationId, String claim, Instant now, Instant until) {
        return leases.take(installationId, claim, now, until);
    }

    /** Extends a lease still held; false when it was taken over. */
    boolean renew(String installationId, String claim, Instant until) {
        return leases.renew(installationId, claim, until);
    }

    /**
     * Marks an event delivered under {@code claim}; meant for the transaction storing the handler's
     * effects: throws {@link LeaseLost} (nothing stored) when the lease or the event is gone.
     */
    void delivered(Waiting event, String claim, Instant until) {
        if (!renew(event.installationId(), claim, until) || jdbc.sql(DELIVERED).param(event.id()).update() != 1) {
            throw new LeaseLost("event " + event.id() + " of installation " + event.installationId());
        }
    }

    /** Gives the lease up (nothing left to deliver). */
    void letGo(String installationId, String claim) {
        leases.letGo(installationId, claim);
    }

    /** Frees the leases matching a LIKE pattern (a restarted node's earlier lives); answers how many. */
    int release(String claimedByLike) {
        return leases.release(claimedByLike);
    }

    private static Object value(String json) {
        if (json == null) {
            return null;
        }
        Object value = JSON.readValue(json, Object.class);
        // as device values come back from the database: whole numbers as Long
        return value instanceof Integer i ? Long.valueOf(i) : value;
    }
}
