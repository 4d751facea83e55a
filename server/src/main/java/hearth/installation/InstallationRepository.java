package hearth.installation;

import hearth.device.Device;
import hearth.device.DeviceRows;
import hearth.device.DevicesVersion;
import hearth.location.Location;
import hearth.support.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Repository
public class InstallationRepository {
    private static final String INSERT = "INSERT INTO installation (id, smartapp_id, location_id, account_id, label, "
            + "settings, state, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)";
    private static final String INSERT_DEVICE = "INSERT INTO installation_device (installation_id, input_name, "
            + "device_id, position) VALUES (?, ?, ?, ?)";
    private static final String COLUMNS = "i.id, i.smartapp_id, i.location_id, i.account_id, i.label, i.settings, "
            + "i.created_at, i.last_used_at, d.input_name, d.device_id, d.position";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM installation i "
            + "LEFT JOIN installation_device d ON d.installation_id = i.id ";
    private static final String BY_ID = SELECT + "WHERE i.id = ? ORDER BY d.input_name, d.position";
    private static final String BY_ACCOUNT = SELECT + "WHERE i.account_id = ? ORDER BY i.created_at, i.id, "
            + "d.input_name, d.position";
    private static final String BY_SMARTAPP = SELECT + "WHERE i.smartapp_id = ? ORDER BY i.created_at, i.id, "
            + "d.input_name, d.position";
    private static final String BY_LOCATION = SELECT + "WHERE i.location_id = ? ORDER BY i.created_at, i.id, "
            + "d.input_name, d.position";
    /**
     * What an installation API call reads of the Installation beside its devices: itself, its Location
     * and its state (with the version its save must still find), as {@code i_} and {@code l_} columns of
     * {@code installation i JOIN location l}, for {@link #loadedHead}; a read of the token can join them
     * ({@code oauth_token} shares some column names, hence the prefixes).
     */
    public static final String LOADED_COLUMNS = "i.id AS i_id, i.smartapp_id AS i_smartapp_id, "
            + "i.location_id AS i_location_id, i.account_id AS i_account_id, i.label AS i_label, "
            + "i.settings AS i_settings, i.created_at AS i_created_at, i.last_used_at AS i_last_used_at, "
            + "i.state AS i_state, i.state_version AS i_state_version, l.owner_id AS l_owner_id, l.name AS l_name, "
            + "l.time_zone AS l_time_zone, l.server_name AS l_server_name, l.mode AS l_mode, "
            + "l.created_at AS l_created_at, l.devices_version AS l_devices_version";
    /** How many columns {@link #LOADED_COLUMNS} has: {@link #loadedHead(ResultSet, int)} reads them by position. */
    private static final int LOADED_WIDTH = 17;

    static {
        if (LOADED_COLUMNS.split(",").length != LOADED_WIDTH) {
            throw new IllegalStateException("LOADED_COLUMNS changed: update loadedHead and LOADED_WIDTH");
        }
    }

    private static final String LOADED = "SELECT " + LOADED_COLUMNS + " FROM installation i "
            + "JOIN location l ON l.id = i.location_id WHERE i.id = ?";
    // The choices and the devices in one statement of fixed text (no IN list to expand), by the primary keys
    // of installation_device, device and device_attribute, in the order chosen.
    private static final String CHOSEN = "SELECT x.input_name, d.*, " + DeviceRows.ATTRIBUTE_COLUMNS
            + " FROM installation_device x JOIN device d ON d.id = x.device_id "
            + "LEFT JOIN device_attribute a ON a.device_id = d.id WHERE x.installation_id = ? "
            + "ORDER BY x.input_name, x.position, a.name";
    private static final String FORGET_DEVICE = "DELETE FROM installation_device WHERE device_id = ?";
    private static final String DELETE_DEVICES = "DELETE FROM installation_device WHERE installation_id = ?";
    private static final String STATE = "SELECT state FROM installation WHERE id = ?";
    private static final String STATE_READ = "SELECT state, state_version FROM installation WHERE id = ?";
    private static final String SAVE_STATE = "UPDATE installation SET state = ?, state_version = state_version + 1 "
            + "WHERE id = ?";
    private static final String SAVE_STATE_IF = SAVE_STATE + " AND state_version = ?";
    private static final String DELETE = "DELETE FROM installation WHERE id = ?";
    private static final String SETTINGS_FOR_UPDATE = "SELECT settings FROM installation WHERE id = ? FOR UPDATE";
    private static final String SAVE_SETTINGS = "UPDATE installation SET settings = ? WHERE id = ?";
    /** Bounds what {@code app.updateSetting} can keep per Installation. */
    static final int MAX_SETTINGS_CHARS = 64 * 1024;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ChosenDevices chosen;
    private final ParsedSettings settings = new ParsedSettings();
    private final LastUse lastUse;

    /**
     * @param lastUse this node's last uses not yet written, shown with what the rows hold (null: none),
     *                so the pages of the node that took a call show it at once
     */
    @Autowired
    public InstallationRepository(JdbcClient jdbc, JsonMapper json, LastUse lastUse) {
        this.jdbc = jdbc;
        this.json = json;
        this.chosen = new ChosenDevices(ChosenDevices.MAX_DEVICES);
        this.lastUse = lastUse;
    }

    /** Without a node's unwritten last uses (the rows' own). */
    public InstallationRepository(JdbcClient jdbc, JsonMapper json) {
        this(jdbc, json, null);
    }

    public void insert(Installation i) {
        jdbc.sql(INSERT).params(i.id(), i.smartAppId(), i.locationId(), i.accountId(), i.label(),
                json.writeValueAsString(i.settings()), Times.db(i.createdAt())).update();
        i.devices().forEach((input, ids) -> {
            for (int position = 0; position < ids.size(); position++) {
                jdbc.sql(INSERT_DEVICE).params(i.id(), input, ids.get(position), position).update();
            }
        });
    }

    public Optional<Installation> findById(String id) {
        return jdbc.sql(BY_ID).param(id).query(this::installations).stream().findFirst();
    }

    /**
     * The Installation with its Location and state (one row), and its chosen devices with their
     * attributes (this node's copy if it is as new as the row says, else a second statement): what an
     * installation API call reads.
     */
    public Optional<LoadedInstallation> findLoaded(String id) {
        return jdbc.sql(LOADED).param(id).query((rs, n) -> loadedHead(rs, 1)).optional().map(this::withChosen);
    }

    /**
     * The Installation of a row with {@link #LOADED_COLUMNS} from position {@code first} on (by position:
     * a driver finds a name on each get), without its devices (null when the row has none: a join that
     * found no Installation); {@link #withChosen} reads them.
     */
    public LoadedInstallation loadedHead(ResultSet rs, int first) throws SQLException {
        int at = first - 1;
        String id = rs.getString(at + 1);
        if (id == null) {
            return null;
        }
        Installation installation = new Installation(id, rs.getString(at + 2), rs.getString(at + 3),
                rs.getString(at + 4), rs.getString(at + 5),
                settings.of(id, rs.getString(at + 6), text -> json.readValue(text, MAP)), Map.of(),
                Times.instant(rs, at + 7), Times.instant(rs, at + 8));
        Location location = new Location(installation.locationId(), rs.getString(at + 11), rs.getString(at + 12),
                rs.getString(at + 13), rs.getString(at + 14), rs.getString(at + 15), Times.instant(rs, at + 16));
        return new LoadedInstallation(installation, location, rs.getString(at + 9), rs.getLong(at + 10), Map.of(),
                rs.getLong(at + 17));
    }

    /**
     * {@code head} ({@link #loadedHead}) with its choices and its chosen devices: this node's copy when
     * it was read at the head's devices version, else read in one statement (and kept, when the head's
     * version is known).
     */
    public LoadedInstallation withChosen(LoadedInstallation head) {
        String id = head.installation().id();
        long version = head.devicesVersion();
        ChosenDevices.Copy copy = version < 0 ? null : chosen.at(id, version);
        if (copy == null) {
            copy = readChosen(id, version);
            if (version >= 0) {
                chosen.keep(id, copy);
            }
        }
        return new LoadedInstallation(withDevices(head.installation(), copy.choices()), head.location(), head.state(),
                head.stateVersion(), copy.devices(), version);
    }

    /** The choices and chosen devices as the database has them now, at least as new as {@code version}. */
    private ChosenDevices.Copy readChosen(String id, long version) {
        Map<String, List<String>> choices = new LinkedHashMap<>();
        DeviceRows rows = new DeviceRows();
        jdbc.sql(CHOSEN).param(id).query((ResultSet rs) -> {
            String input = rs.getString("input_name");
            String device = rows.add(rs);
            List<String> ids = choices.computeIfAbsent(input, k -> new ArrayList<>());
            if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(device)) {
                ids.add(device);   // one entry per device, not per attribute row
            }
        });
        return new ChosenDevices.Copy(version, choices, byId(rows.devices()));
    }

    private static Map<String, Device> byId(List<Device> devices) {
        Map<String, Device> result = new LinkedHashMap<>();
        devices.forEach(d -> result.put(d.id(), d));
        return result;
    }

    public List<Installation> findByAccount(String accountId) {
        return jdbc.sql(BY_ACCOUNT).param(accountId).query(this::installations);
    }

    public List<Installation> findBySmartApp(String smartAppId) {
        return jdbc.sql(BY_SMARTAPP).param(smartAppId).query(this::installations);
    }

    public List<Installation> findByLocation(String locationId) {
        return jdbc.sql(BY_LOCATION).param(locationId).query(this::installations);
    }

    /** The device is taken out of every Installation's choices (it is being deleted). */
    public void forgetDevice(String deviceId) {
        DevicesVersion.bump(jdbc, DevicesVersion.OF_DEVICE, deviceId);
        jdbc.sql(FORGET_DEVICE).param(deviceId).update();
    }

    /** Replaces the devices chosen per input with {@code devices}, in the order given. */
    public void replaceDevices(String id, Map<String, List<String>> devices) {
        DevicesVersion.bump(jdbc, DevicesVersion.OF_INSTALLATION, id);
        jdbc.sql(DELETE_DEVICES).param(id).update();
        devices.forEach((input, ids) -> {
            for (int position = 0; position < ids.size(); position++) {
                jdbc.sql(INSERT_DEVICE).params(id, input, ids.get(position), position).update();
            }
        });
    }

    public String loadState(String id) {
        return jdbc.sql(STATE).param(id).query(String.class).optional().orElse(null);
    }

    public void saveState(String id, String stateJson) {
        jdbc.sql(SAVE_STATE).params(stateJson, id).update();
    }

    /**
     * One value setting changed by the app itself ({@code app.updateSetting}); false (and nothing
     * changed) when the settings would grow past {@link #MAX_SETTINGS_CHARS} of JSON. In the
     * caller's transaction; the row is locked so two calls can't lose each other's change.
     */
    public boolean updateSetting(String id, String name, Object value) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(name, value);
        return updateSettings(id, change, false);
    }

    /**
     * Several value settings changed at once (the owner saves one of the app's pages); a null value
     * removes the setting when {@code nullRemoves}. As {@link #updateSetting}: bounded, row locked.
     */
    public boolean updateSettings(String id, Map<String, Object> changes, boolean nullRemoves) {
        Optional<String> current = jdbc.sql(SETTINGS_FOR_UPDATE).param(id).query(String.class).optional();
        if (current.isEmpty()) {
            return false;
        }
        Map<String, Object> settings = new LinkedHashMap<>(json.readValue(current.get(), MAP));
        changes.forEach((name, value) -> {
            if (value == null && nullRemoves) {
                settings.remove(name);
            } else {
                settings.put(name, value);
            }
        });
        String written = json.writeValueAsString(settings);
        if (written.length() > MAX_SETTINGS_CHARS) {
            return false;
        }
        jdbc.sql(SAVE_SETTINGS).params(written, id).update();
        return true;
    }

    /** The state as a call reads it: the JSON (or null) and the version its save must still find. */
    public record StateRead(String json, long version) {
    }

    public StateRead readState(String id) {
        return jdbc.sql(STATE_READ).param(id).query((rs, n) -> new StateRead(rs.getString(1), rs.getLong(2)))
                .optional().orElse(new StateRead(null, 0));
    }

    /** Saves the state a call read at {@code version}; throws {@link StateConflict} when it was saved since. */
    public void saveState(String id, String stateJson, long version) {
        if (jdbc.sql(SAVE_STATE_IF).params(stateJson, id, version).update() != 1) {
            throw new StateConflict(id);
        }
    }

    /** The owner renamed the Installation (a page's {@code label}): classic {@code app.label}. */
    public void updateLabel(String id, String label) {
        jdbc.sql("UPDATE installation SET label = ? WHERE id = ?").params(label, id).update();
    }

    public void delete(String id) {
        jdbc.sql(DELETE).param(id).update();
        chosen.forget(id);
    }

    private List<Installation> installations(ResultSet rs) throws SQLException {
        Map<String, Installation> byId = new LinkedHashMap<>();
        Map<String, Map<String, List<String>>> devices = new LinkedHashMap<>();
        while (rs.next()) {
            String id = rs.getString("id");
            if (!byId.containsKey(id)) {
                byId.put(id, head(rs));
                devices.put(id, new LinkedHashMap<>());
            }
            addChoice(rs, devices.get(id));
        }
        List<Installation> result = new ArrayList<>();
        byId.forEach((id, i) -> result.add(withDevices(i, devices.get(id))));
        return result;
    }

    /** The Installation of this row, without its chosen devices. */
    private Installation head(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        return new Installation(id, rs.getString("smartapp_id"), rs.getString("location_id"),
                rs.getString("account_id"), rs.getString("label"), json.readValue(rs.getString("settings"), MAP),
                Map.of(), Times.instant(rs, "created_at"), lastUsed(id, Times.instant(rs, "last_used_at")));
    }

    private Instant lastUsed(String id, Instant stored) {
        return lastUse == null ? stored : lastUse.latest(id, stored);
    }

    private static void addChoice(ResultSet rs, Map<String, List<String>> devices) throws SQLException {
        String input = rs.getString("input_name");
        if (input != null) {
            devices.computeIfAbsent(input, k -> new ArrayList<>()).add(rs.getString("device_id"));
        }
    }

    private static Installation withDevices(Installation i, Map<String, List<String>> devices) {
        return new Installation(i.id(), i.smartAppId(), i.locationId(), i.accountId(), i.label(), i.settings(),
                devices, i.createdAt(), i.lastUsedAt());
    }
}
