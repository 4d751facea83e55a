package hearth.location;

import hearth.engine.api.AppEvent;
import hearth.engine.api.EventQuery;
import hearth.support.HistoryQueries;
import hearth.support.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class LocationRepository {
    private static final String INSERT = "INSERT INTO location (id, owner_id, name, time_zone, server_name, mode, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String BY_OWNER = "SELECT * FROM location WHERE owner_id = ? ORDER BY created_at, name";
    private static final String BY_ID = "SELECT * FROM location WHERE id = ?";

    private static final RowMapper<Location> ROW = (rs, n) -> new Location(rs.getString("id"),
            rs.getString("owner_id"), rs.getString("name"), rs.getString("time_zone"), rs.getString("server_name"),
            rs.getString("mode"), Times.instant(rs, "created_at"));

    private final JdbcClient jdbc;

    public LocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Location l) {
        jdbc.sql(INSERT).params(l.id(), l.ownerId(), l.name(), l.timeZone(), l.serverName(), l.mode(),
                Times.db(l.createdAt())).update();
    }

    private static final String UPDATE = "UPDATE location SET name = ?, time_zone = ?, server_name = ?, mode = ? "
            + "WHERE id = ?";

    /** A shard's copy of a Location of the global directory. */
    public void upsert(Location l) {
        if (jdbc.sql(UPDATE).params(l.name(), l.timeZone(), l.serverName(), l.mode(), l.id()).update() == 0) {
            insert(l);
        }
    }

    public void rename(String id, String name) {
        jdbc.sql("UPDATE location SET name = ? WHERE id = ?").params(name, id).update();
    }

    public void delete(String id) {
        jdbc.sql("DELETE FROM location_event WHERE location_id = ?").param(id).update();
        jdbc.sql("DELETE FROM location WHERE id = ?").param(id).update();
    }

    /** Records a Location event (a mode change) for classic {@code location.events()}. */
    public void insertEvent(String locationId, AppEvent event) {
        jdbc.sql("INSERT INTO location_event (id, location_id, name, attr_value, description, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)").params(UUID.randomUUID().toString(), locationId, event.name(),
                event.value() == null ? null : event.value().toString(), event.descriptionText(),
                Times.db(event.date())).update();
    }

    /** The Location's events the query asks for, newest first: at most {@code query.max()} rows are read. */
    public List<AppEvent> events(String locationId, EventQuery query) {
        if (query.max() == 0) {
            return List.of();
        }
        HistoryQueries select = HistoryQueries.select("location_event", "location_id", locationId, query);
        return jdbc.sql(select.sql()).params(select.params()).query((rs, n) -> new AppEvent(rs.getString("name"),
                rs.getString("attr_value"), null, null, null, Times.instant(rs, "created_at"),
                rs.getString("description"))).list();
    }

    /** Retention: every Location event from before {@code cutoff} goes; how many did. */
    public int deleteEventsBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM location_event WHERE created_at < ?").param(Times.db(cutoff)).update();
    }

    public void updateMode(String id, String mode) {
        jdbc.sql("UPDATE location SET mode = ? WHERE id = ?").params(mode, id).update();
    }

    public List<Location> findByOwner(String ownerId) {
        return jdbc.sql(BY_OWNER).param(ownerId).query(ROW).list();
    }

    public Optional<Location> findById(String id) {
        return jdbc.sql(BY_ID).param(id).query(ROW).optional();
    }
}
