package hearth.device;

import hearth.engine.api.AttributeState;
import hearth.support.Times;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Devices read from rows of {@code device} LEFT JOIN {@code device_attribute} (the device's columns
 * and its attribute's as {@code a_name}, {@code a_value}, {@code a_type}, {@code a_unit},
 * {@code a_updated}), one row per attribute, a device's rows together: the one mapping of such rows,
 * for this package's reads and for a read that joins them to what chose them.
 */
public final class DeviceRows {
    /** The attribute columns to select beside {@code d.*}. */
    public static final String ATTRIBUTE_COLUMNS = "a.name AS a_name, a.attr_value AS a_value, "
            + "a.value_type AS a_type, a.unit AS a_unit, a.updated_at AS a_updated";

    private final Map<String, Device> byId = new LinkedHashMap<>();
    private final Map<String, Map<String, AttributeState>> attributes = new HashMap<>();
    /** The columns' positions, found once per result set: a driver finds a name on each get. */
    private int[] at;

    private static final String[] COLUMNS = {"id", "location_id", "label", "name", "type_name", "capabilities",
        "created_at", "hub_id", "room", "hidden", "a_name", "a_value", "a_type", "a_unit", "a_updated"};

    /** Takes the row's device (the first time its id is seen) and its attribute, if it has one; its id. */
    public String add(ResultSet rs) throws SQLException {
        if (at == null) {
            at = new int[COLUMNS.length];
            for (int i = 0; i < COLUMNS.length; i++) {
                at[i] = rs.findColumn(COLUMNS[i]);
            }
        }
        String id = rs.getString(at[0]);
        Map<String, AttributeState> its = attributes.get(id);
        if (its == null) {
            byId.put(id, new Device(id, rs.getString(at[1]), rs.getString(at[2]), rs.getString(at[3]),
                    rs.getString(at[4]), capabilities(rs.getString(at[5])), Map.of(), Times.instant(rs, at[6]),
                    rs.getString(at[7]), rs.getString(at[8]), rs.getBoolean(at[9])));
            its = new LinkedHashMap<>();
            attributes.put(id, its);
        }
        String attribute = rs.getString(at[10]);
        if (attribute != null) {
            its.put(attribute, new AttributeState(attribute, AttributeValues.parse(rs.getString(at[11]),
                    rs.getString(at[12])), rs.getString(at[13]), Times.instant(rs, at[14])));
        }
        return id;
    }

    /** The devices taken, in the order first seen, each with its attributes. */
    public List<Device> devices() {
        List<Device> result = new ArrayList<>(byId.size());
        byId.forEach((id, device) -> result.add(device.withAttributes(attributes.get(id))));
        return result;
    }

    private static List<String> capabilities(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
