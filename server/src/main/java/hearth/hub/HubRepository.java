package hearth.hub;

import hearth.support.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Repository
class HubRepository {
    private static final String INSERT = "INSERT INTO hub (id, location_id, name, url, username, password_sealed, "
            + "z2m_base_topic, discovery_prefix, tasmota_discovery, created_at, mqtt_version) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE hub SET name = ?, url = ?, username = ?, password_sealed = ?, "
            + "z2m_base_topic = ?, discovery_prefix = ?, tasmota_discovery = ?, mqtt_version = ? WHERE id = ?";
    private static final String BY_ID = "SELECT * FROM hub WHERE id = ?";
    private static final String BY_LOCATION = "SELECT * FROM hub WHERE location_id = ? ORDER BY created_at, id";
    private static final String ALL = "SELECT * FROM hub ORDER BY created_at, id";
    private static final String DELETE = "DELETE FROM hub WHERE id = ?";
    private static final String REPORT = "UPDATE hub SET reported_status = ?, reported_error = ?, "
            + "reported_zigbee2mqtt = ? WHERE id = ?";
    private static final String REPORTED = "SELECT reported_status, reported_error, reported_zigbee2mqtt FROM hub "
            + "WHERE id = ?";

    /** How the node holding a hub's connection last said it is (null status before any said). */
    record Reported(String status, String lastError, String zigbee2mqtt) {
    }

    private final JdbcClient jdbc;

    HubRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Hub h) {
        jdbc.sql(INSERT).params(h.id(), h.locationId(), h.name(), h.url(), h.username(), h.sealedPassword(),
                h.baseTopic(), h.discoveryPrefix(), h.tasmotaDiscovery(), Times.db(h.createdAt()), h.mqttVersion()).update();
    }

    void update(Hub h) {
        jdbc.sql(UPDATE).params(h.name(), h.url(), h.username(), h.sealedPassword(), h.baseTopic(),
                h.discoveryPrefix(), h.tasmotaDiscovery(), h.mqttVersion(), h.id()).update();
    }

    Optional<Hub> findById(String id) {
        return jdbc.sql(BY_ID).param(id).query(HubRepository::hub).optional();
    }

    List<Hub> findByLocation(String locationId) {
        return jdbc.sql(BY_LOCATION).param(locationId).query(HubRepository::hub).list();
    }

    List<Hub> findAll() {
        return jdbc.sql(ALL).query(HubRepository::hub).list();
    }

    void delete(String id) {
        jdbc.sql(DELETE).param(id).update();
    }

    /** The holder of the hub's connection says how it is, for the other nodes to answer. */
    void report(String id, Reported reported) {
        String error = reported.lastError();
        jdbc.sql(REPORT).params(reported.status(), error == null || error.length() <= 1000 ? error
                : error.substring(0, 1000), reported.zigbee2mqtt(), id).update();
    }

    Optional<Reported> reported(String id) {
        return jdbc.sql(REPORTED).param(id).query((rs, n) -> new Reported(rs.getString(1), rs.getString(2),
                rs.getString(3))).optional();
    }

    private static Hub hub(ResultSet rs, int n) throws SQLException {
        return new Hub(rs.getString("id"), rs.getString("location_id"), rs.getString("name"), rs.getString("url"),
                rs.getString("username"), rs.getString("password_sealed"), rs.getString("z2m_base_topic"),
                rs.getString("discovery_prefix"), rs.getBoolean("tasmota_discovery"), Times.instant(rs, "created_at"),
                rs.getString("mqtt_version"));
    }
}
