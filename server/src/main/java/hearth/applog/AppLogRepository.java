package hearth.applog;

import hearth.engine.api.LogLine.Level;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code app_log} table: lines written in batches, read by SmartApp, trimmed by count and age. */
@Repository
public class AppLogRepository {
    private static final String INSERT = "INSERT INTO app_log (smartapp_id, installation_id, created_at, level, kind,"
            + " message, reference, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "SELECT id, smartapp_id, installation_id, created_at, level, kind, message,"
            + " reference, detail FROM app_log";
    private static final String BY_REFERENCE = COLUMNS + " WHERE smartapp_id = ? AND reference = ?";
    private static final String COUNT = "SELECT COUNT(*) FROM app_log WHERE smartapp_id = ?";
    private static final String NTH_NEWEST = "SELECT id FROM app_log WHERE smartapp_id = ? ORDER BY id DESC"
            + " OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY";
    private static final String DELETE_UP_TO = "DELETE FROM app_log WHERE smartapp_id = ? AND id <= ?";
    private static final String DELETE_OLDER = "DELETE FROM app_log WHERE created_at < ?";
    private static final String DELETE_APP = "DELETE FROM app_log WHERE smartapp_id = ?";
    private static final int MAX_DETAIL = 8000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    public AppLogRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<AppLogEntry> entries) {
        jdbc.batchUpdate(INSERT, entries, entries.size(), (ps, e) -> {
            ps.setString(1, e.smartAppId());
            ps.setString(2, e.installationId());
            ps.setTimestamp(3, Timestamp.from(e.time()));
            ps.setString(4, e.level().name());
            ps.setString(5, e.kind().name().toLowerCase(Locale.ROOT));
            ps.setString(6, e.message());
            ps.setString(7, e.reference());
            ps.setString(8, detail(e.detail()));
        });
    }

    /** The lines the query asks for, oldest first. */
    public List<AppLogEntry> find(String smartAppId, AppLogQuery query) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE smartapp_id = ?");
        List<Object> params = new ArrayList<>(List.of(smartAppId));
        if (query.installation() != null) {
            sql.append(" AND installation_id = ?");
            params.add(query.installation());
        }
        if (query.level() != null && query.level() != Level.TRACE) {
            List<Level> levels = Arrays.stream(Level.values()).filter(l -> l.compareTo(query.level()) >= 0).toList();
            sql.append(" AND level IN (").append(String.join(", ", Collections.nCopies(levels.size(), "?")))
                    .append(")");
            levels.forEach(l -> params.add(l.name()));
        }
        if (query.since() != null) {
            sql.append(" AND created_at >= ?");
            params.add(Timestamp.from(query.since()));
        }
        if (query.after() != null) {
            sql.append(" AND id > ? ORDER BY id");
            params.add(query.after());
        } else {
            sql.append(" ORDER BY id DESC");
        }
        sql.append(" FETCH FIRST ").append(query.limit()).append(" ROWS ONLY");
        List<AppLogEntry> found = new ArrayList<>(jdbc.query(sql.toString(), ROW, params.toArray()));
        if (query.after() == null) {
            Collections.reverse(found);
        }
        return found;
    }

    public Optional<AppLogEntry> byReference(String smartAppId, String reference) {
        return jdbc.query(BY_REFERENCE, ROW, smartAppId, reference).stream().findFirst();
    }

    public long count(String smartAppId) {
        Long n = jdbc.queryForObject(COUNT, Long.class, smartAppId);
        return n == null ? 0 : n;
    }

    /** Deletes all but the newest {@code keep} lines of the SmartApp. */
    public void keepNewest(String smartAppId, int keep) {
        List<Long> nth = jdbc.queryForList(NTH_NEWEST, Long.class, smartAppId, keep);
        if (!nth.isEmpty()) {
            jdbc.update(DELETE_UP_TO, smartAppId, nth.get(0));
        }
    }

    public int deleteOlderThan(Instant cutoff) {
        return jdbc.update(DELETE_OLDER, Timestamp.from(cutoff));
    }

    public void deleteSmartApp(String smartAppId) {
        jdbc.update(DELETE_APP, smartAppId);
    }

    private static final RowMapper<AppLogEntry> ROW = (rs, n) -> new AppLogEntry(rs.getLong("id"), null,
            rs.getTimestamp("created_at").toInstant(), rs.getString("smartapp_id"), rs.getString("installation_id"),
            Level.valueOf(rs.getString("level")),
            AppLogEntry.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("message"),
            rs.getString("reference"), parse(rs.getString("detail")));

    private static String detail(Map<String, Object> detail) {
        if (detail.isEmpty()) {
            return null;
        }
        String json = JSON.writeValueAsString(detail);
        // Frames are what make a detail long; a detail that can't be kept whole keeps its head.
        return json.length() <= MAX_DETAIL ? json : JSON.writeValueAsString(Map.of("truncated", true,
                "type", String.valueOf(detail.get("type"))));
    }

    private static Map<String, Object> parse(String json) {
        return json == null ? Map.of() : JSON.readValue(json, MAP);
    }
}
