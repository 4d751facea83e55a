package hearth.installation;

import hearth.engine.api.AppIntent;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** As the app asked for them: one entry per handler and event, with the devices it covers. */
    public List<AppIntent.Subscribe> asIntents(String installationId) {
        Map<List<String>, List<String>> devices = new LinkedHashMap<>();
        for (Subscription s : ofInstallation(installationId)) {
            String event = s.attribute() == null ? null : s.value() == null ? s.attribute()
                    : s.attribute() + "." + s.value();
            List<String> key = Arrays.asList(s.handler(), event);
            List<String> ids = devices.computeIfAbsent(key, k -> new ArrayList<>());
            if (s.deviceId() != null) {
                ids.add(s.deviceId());
            }
        }
        List<AppIntent.Subscribe> result = new ArrayList<>();
        devices.forEach((key, ids) -> result.add(new AppIntent.Subscribe(ids, key.get(1), key.get(0))));
        return result;
    }

    public void deleteForDevice(String deviceId) {
        jdbc.sql("DELETE FROM subscription WHERE device_id = ?").param(deviceId).update();
    }

    public void deleteAll(String installationId) {
        jdbc.sql(DELETE_ALL).param(installationId).update();
    }
}
