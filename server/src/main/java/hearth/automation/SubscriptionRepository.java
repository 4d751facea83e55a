package hearth.automation;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

@Repository
public class SubscriptionRepository {
    private static final String INSERT = "INSERT INTO subscription (id, installation_id, device_id, attribute, "
            + "attr_value, handler) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String BY_DEVICE = "SELECT * FROM subscription WHERE device_id = ?";
    private static final String LOCATION_WIDE = "SELECT s.* FROM subscription s JOIN installation i "
            + "ON i.id = s.installation_id WHERE s.device_id IS NULL AND i.location_id = ?";
    private static final String BY_INSTALLATION = "SELECT * FROM subscription WHERE installation_id = ?";
    private static final String DELETE_ALL = "DELETE FROM subscription WHERE installation_id = ?";

    private static final RowMapper<Subscription> ROW = (rs, n) -> new Subscription(rs.getString("id"),
            rs.getString("installation_id"), rs.getString("device_id"), rs.getString("attribute"),
            rs.getString("attr_value"), rs.getString("handler"));

    private final JdbcClient jdbc;

    public SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Subscription s) {
        jdbc.sql(INSERT).params(s.id(), s.installationId(), s.deviceId(), s.attribute(), s.value(), s.handler())
                .update();
    }

    public List<Subscription> forDevice(String deviceId) {
        return jdbc.sql(BY_DEVICE).param(deviceId).query(ROW).list();
    }

    public List<Subscription> forLocation(String locationId) {
        return jdbc.sql(LOCATION_WIDE).param(locationId).query(ROW).list();
    }

    public List<Subscription> ofInstallation(String installationId) {
        return jdbc.sql(BY_INSTALLATION).param(installationId).query(ROW).list();
    }

    public void deleteAll(String installationId) {
        jdbc.sql(DELETE_ALL).param(installationId).update();
    }
}
