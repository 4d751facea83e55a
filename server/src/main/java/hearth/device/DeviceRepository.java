package hearth.device;

import hearth.engine.api.AttributeState;
import hearth.engine.api.DeviceEvent;
import hearth.engine.api.EventQuery;
import hearth.support.HistoryQueries;
import hearth.support.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Devices and their attributes and events in this Server's database. Each write that changes what an
 * Installation sees of a device adds one to its Location's {@link DevicesVersion} first, in the caller's
 * transaction.
 */
@Repository
public class DeviceRepository {
    private static final String INSERT = "INSERT INTO device (id, location_id, label, name, type_name, capabilities, "
            + "created_at, hub_id, hub_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // One query per lookup, devices joined with their attributes: no N+1 on the hot path.
    private static final String SELECT = "SELECT d.*, " + DeviceRows.ATTRIBUTE_COLUMNS + " FROM device d "
            + "LEFT JOIN device_attribute a ON a.device_id = d.id ";
    private static final String BY_LOCATION = SELECT + "WHERE d.location_id = ? ORDER BY d.created_at, d.id, a.name";
    private static final String BY_HUB = SELECT + "WHERE d.hub_id = ? ORDER BY d.created_at, d.id, a.name";
    private static final String HUB_ADDRESSES = "SELECT id, hub_address FROM device WHERE hub_id = ?";
    private static final String BY_IDS = SELECT + "WHERE d.id IN (:ids) ORDER BY d.created_at, d.id, a.name";
    private static final String UPDATE_ATTRIBUTE = "UPDATE device_attribute SET attr_value = ?, value_type = ?, unit = ?, "
            + "updated_at = ? WHERE device_id = ? AND name = ?";
    private static final String INSERT_ATTRIBUTE = "INSERT INTO device_attribute (device_id, name, attr_value, value_type, "
            + "unit, updated_at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String INSERT_EVENT = "INSERT INTO device_event (id, device_id, name, attr_value, value_type, unit, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private static final String RENAME = "UPDATE device SET label = ? WHERE id = ?";
    private static final String PLACE = "UPDATE device SET room = ? WHERE id = ?";
    private static final String HIDE = "UPDATE device SET hidden = ? WHERE id = ?";
    private static final String REMEMBER_REMOVED = "INSERT INTO hub_device_removed (hub_id, hub_address, removed_at) "
            + "SELECT hub_id, hub_address, ? FROM device WHERE id = ? AND hub_id IS NOT NULL";
    private static final String REMOVED = "SELECT hub_address FROM hub_device_removed WHERE hub_id = ?";
    private static final String FORGET_REMOVED = "DELETE FROM hub_device_removed WHERE hub_id = ? AND hub_address = ?";
    private static final String FORGET_REMOVED_OF_HUB = "DELETE FROM hub_device_removed WHERE hub_id = ?";
    private static final String UPDATE_CAPABILITIES = "UPDATE device SET capabilities = ?, name = ?, type_name = ? "
            + "WHERE id = ?";
    private static final String DELETE_EVENTS = "DELETE FROM device_event WHERE device_id = ?";
    private static final String DELETE_ATTRIBUTES = "DELETE FROM device_attribute WHERE device_id = ?";
    private static final String DELETE = "DELETE FROM device WHERE id = ?";

    private final JdbcClient jdbc;

    public DeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Device d) {
        DevicesVersion.bump(jdbc, DevicesVersion.OF_LOCATION, d.locationId());
        jdbc.sql(INSERT).params(d.id(), d.locationId(), d.label(), d.name(), d.typeName(),
                String.join(",", d.capabilities()), Times.db(d.createdAt()), d.hubId(), null).update();
    }

    /** A hub's device, with the protocol's own id for it ({@code z2m:0x00158d...}). */
    public void insertForHub(Device d, String hubAddress) {
        DevicesVersion.bump(jdbc, DevicesVersion.OF_LOCATION, d.locationId());
        jdbc.sql(INSERT).params(d.id(), d.locationId(), d.label(), d.name(), d.typeName(),
                String.join(",", d.capabilities()), Times.db(d.createdAt()), d.hubId(), hubAddress).update();
    }

    /** Hub address to device id, for the hub's devices. */
    public Map<String, String> hubAddresses(String hubId) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql(HUB_ADDRESSES).param(hubId).query((ResultSet rs) -> {
            out.put(rs.getString("hub_address"), rs.getString("id"));
        });
        return out;
    }

    public void saveAttribute(String deviceId, AttributeState state) {
        String text = AttributeValues.text(state.value());
        String type = AttributeValues.typeOf(state.value());
        DevicesVersion.bump(jdbc, DevicesVersion.OF_DEVICE, deviceId);
        int updated = jdbc.sql(UPDATE_ATTRIBUTE)
                .params(text, type, state.unit(), Times.db(state.date()), deviceId, state.name()).update();
        if (updated == 0) {
            jdbc.sql(INSERT_ATTRIBUTE)
                    .params(deviceId, state.name(), text, type, state.unit(), Times.db(state.date())).update();
        }
    }

    public void insertEvent(DeviceEvent event) {
        jdbc.sql(INSERT_EVENT).params(event.id(), event.deviceId(), event.name(), AttributeValues.text(event.value()),
                AttributeValues.typeOf(event.value()), event.unit(), Times.db(event.date())).update();
    }

    public void updateKind(String id, List<String> capabilities, String name, String typeName) {
        DevicesVersion.bump(jdbc, DevicesVersion.OF_DEVICE, id);
        jdbc.sql(UPDATE_CAPABILITIES).params(String.join(",", capabilities), name, typeName, id).update();
    }

    public List<Device> findByHub(String hubId) {
        return jdbc.sql(BY_HUB).param(hubId).query(this::devices);
    }

    public void rename(String id, String label) {
        DevicesVersion.bump(jdbc, DevicesVersion.OF_DEVICE, id);
        jdbc.sql(RENAME).params(label, id).update();
    }

    public void place(String id, String room) {
        DevicesVersion.bump(jdbc, DevicesVersion.OF_DEVICE, id);
        jdbc.sql(PLACE).params(room, id).update();
    }

    public void setHidden(String id, boolean hidden) {
        DevicesVersion.bump(jdbc, DevicesVersion.OF_DEVICE, id);
        jdbc.sql(HIDE).params(hidden, id).update();
    }

    /** A hub's device a person removed: its address is kept, so the hub's next list doesn't bring it back. */
    public void rememberRemoved(String id, Instant now) {
        jdbc.sql(REMEMBER_REMOVED).params(Times.db(now), id).update();
    }

    public java.util.Set<String> removedAddresses(String hubId) {
        return new java.util.LinkedHashSet<>(jdbc.sql(REMOVED).param(hubId).query(String.class).list());
    }

    /** The hub says the device left (or the hub goes): a device at that address is welcome again. */
    public void forgetRemoved(String hubId, String address) {
        if (address == null) {
            jdbc.sql(FORGET_REMOVED_OF_HUB).param(hubId).update();
        } else {
            jdbc.sql(FORGET_REMOVED).params(hubId, address).update();
        }
    }

    /** The device with its attributes and events; whatever refers to it (Installations) must be gone first. */
    public void delete(String id) {
        DevicesVersion.bump(jdbc, DevicesVersion.OF_DEVICE, id);
        jdbc.sql(DELETE_EVENTS).param(id).update();
        jdbc.sql(DELETE_ATTRIBUTES).param(id).update();
        jdbc.sql(DELETE).param(id).update();
    }

    public List<Device> findByLocation(String locationId) {
        return jdbc.sql(BY_LOCATION).param(locationId).query(this::devices);
    }

    public List<Device> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(BY_IDS).param("ids", ids).query(this::devices);
    }

    public Optional<Device> findById(String id) {
        return findByIds(List.of(id)).stream().findFirst();
    }

    public List<DeviceEvent> events(String deviceId, int max) {
        return events(deviceId, EventQuery.latest(max));
    }

    /** The events the query asks for, newest first: at most {@code query.max()} rows are read. */
    public List<DeviceEvent> events(String deviceId, EventQuery query) {
        if (query.max() == 0) {
            return List.of();
        }
        HistoryQueries select = HistoryQueries.select("device_event", "device_id", deviceId, query);
        return jdbc.sql(select.sql()).params(select.params()).query((rs, n) -> new DeviceEvent(rs.getString("id"),
                rs.getString("device_id"), rs.getString("name"),
                AttributeValues.parse(rs.getString("attr_value"), rs.getString("value_type")), rs.getString("unit"),
                Times.instant(rs, "created_at"))).list();
    }

    /** Retention: every device event from before {@code cutoff} goes; how many did. */
    public int deleteEventsBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM device_event WHERE created_at < ?").param(Times.db(cutoff)).update();
    }

    private List<Device> devices(ResultSet rs) throws SQLException {
        DeviceRows rows = new DeviceRows();
        while (rs.next()) {
            rows.add(rs);
        }
        return rows.devices();
    }
}
