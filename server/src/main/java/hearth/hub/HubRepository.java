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

    private static Hub hub(ResultSet rs, int n) throws SQLException {
        return new Hub(rs.getString("id"), rs.getString("location_id"), rs.getString("name"), rs.getString("url"),
                rs.getString("username"), rs.getString("password_sealed"), rs.getString("z2m_base_topic"),
                rs.getString("discovery_prefix"), rs.getBoolean("tasmota_discovery"), Times.instant(rs, "created_at"),
                rs.getString("mqtt_version"));
    }
}
