package hearth.hub;

import hearth.support.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Commands for a hub's devices that a node took while another node holds the hub's connection:
 * they wait in the database for that node, which publishes them in order and deletes them.
 */
@Repository
class HubCommands {
    static final int MAX_ARGUMENTS = 4000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INSERT = "INSERT INTO hub_command (hub_id, device_id, command, arguments, created_at) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String WAITING = "SELECT * FROM hub_command WHERE hub_id IN (:hubs) ORDER BY id "
            + "FETCH FIRST :max ROWS ONLY";
    private static final String DONE = "DELETE FROM hub_command WHERE id = ?";

    /** A waiting command: its row, hub, device, command and arguments, and when it was taken. */
    record Waiting(long id, String hubId, String deviceId, String command, List<Object> arguments, Instant at) {
    }

    private final JdbcClient jdbc;

    HubCommands(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws IllegalArgumentException when the arguments are longer than {@value #MAX_ARGUMENTS} characters of JSON */
    void add(String hubId, String deviceId, String command, List<Object> arguments, Instant at) {
        String json = JSON.writeValueAsString(arguments == null ? List.of() : arguments);
        if (json.length() > MAX_ARGUMENTS) {
            throw new IllegalArgumentException("the arguments are longer than " + MAX_ARGUMENTS + " characters of JSON");
        }
        jdbc.sql(INSERT).params(hubId, deviceId, command, json, Times.db(at)).update();
    }

    /** The oldest waiting commands of these hubs, in the order they were taken. */
    @SuppressWarnings("unchecked")
    List<Waiting> waiting(Collection<String> hubIds, int max) {
        if (hubIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(WAITING).param("hubs", List.copyOf(hubIds)).param("max", max).query((rs, n) -> new Waiting(
                rs.getLong("id"), rs.getString("hub_id"), rs.getString("device_id"), rs.getString("command"),
                (List<Object>) JSON.readValue(rs.getString("arguments"), List.class), Times.instant(rs, "created_at")))
                .list();
    }

    void done(long id) {
        jdbc.sql(DONE).param(id).update();
    }
}
