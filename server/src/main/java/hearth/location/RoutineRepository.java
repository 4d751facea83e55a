package hearth.location;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The modes owners chose for their Locations' routines; the routines themselves are {@link Routine#DEFAULTS}. */
@Repository
public class RoutineRepository {
    private static final String MODES = "SELECT routine_id, mode FROM location_routine WHERE location_id = ?";

    private final JdbcClient jdbc;

    public RoutineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The owner chose {@code mode} for one of the Location's routines (instead of its default or an earlier choice). */
    public void setMode(String locationId, String routineId, String mode) {
        jdbc.sql("DELETE FROM location_routine WHERE location_id = ? AND routine_id = ?").params(locationId, routineId)
                .update();
        jdbc.sql("INSERT INTO location_routine (location_id, routine_id, mode) VALUES (?, ?, ?)")
                .params(locationId, routineId, mode).update();
    }

    /** The Location's routines, in the classic order, each with the mode its owner chose. */
    public List<Routine> ofLocation(String locationId) {
        Map<String, String> chosen = jdbc.sql(MODES).param(locationId)
                .query((rs, n) -> Map.entry(rs.getString("routine_id"), rs.getString("mode"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return Routine.DEFAULTS.stream().map(r -> r.withMode(chosen.getOrDefault(r.id(), r.mode()))).toList();
    }
}
