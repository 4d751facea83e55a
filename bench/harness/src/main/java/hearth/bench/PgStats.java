package hearth.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PostgreSQL's own counters (pg_stat_user_tables, pg_stat_database) before and after a row, so
 * each row says what one request cost the database: transactions, index and sequential scans per
 * table, rows written. A missing index shows as seq scans, an N+1 as scans growing with devices.
 */
final class PgStats implements AutoCloseable {
    private final Connection db;

    PgStats(String url) throws SQLException {
        this.db = DriverManager.getConnection(url, "postgres", "");
    }

    Map<String, Long> snapshot() throws SQLException {
        Map<String, Long> m = new TreeMap<>();
        try (Statement s = db.createStatement()) {
            // the counters are flushed by each backend at most once a second
            try (ResultSet rs = s.executeQuery("SELECT relname, seq_scan, coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, "
                    + "n_tup_del FROM pg_stat_user_tables")) {
                while (rs.next()) {
                    String t = rs.getString(1);
                    m.put("seq " + t, rs.getLong(2));
                    m.put("idx " + t, rs.getLong(3));
                    m.put("ins " + t, rs.getLong(4));
                    m.put("upd " + t, rs.getLong(5));
                    m.put("del " + t, rs.getLong(6));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT xact_commit + xact_rollback FROM pg_stat_database "
                    + "WHERE datname = current_database()")) {
                rs.next();
                m.put("tx", rs.getLong(1));
            }
        }
        return m;
    }

    /** "per request: 1.0 tx; index scans: oauth_token 1.0, ...; seq scans: ...; writes: ...". */
    static String perRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
        if (requests <= 0) {
            return "";
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("idx", new ArrayList<>());
        groups.put("seq", new ArrayList<>());
        groups.put("write", new ArrayList<>());
        for (var e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            double per = (double) d / requests;
            if (e.getKey().equals("tx") || per < 0.05) {
                continue;
            }
            String[] k = e.getKey().split(" ", 2);
            String v = String.format("%s %.1f", k[1], per);
            switch (k[0]) {
                case "idx" -> groups.get("idx").add(v);
                case "seq" -> groups.get("seq").add(v);
                default -> groups.get("write").add(k[0] + " " + v);
            }
        }
        double tx = (double) (after.getOrDefault("tx", 0L) - before.getOrDefault("tx", 0L)) / requests;
        return String.format("%.1f transactions; index scans: %s; sequential scans: %s; rows written: %s", tx,
                or(groups.get("idx")), or(groups.get("seq")), or(groups.get("write")));
    }

    private static String or(List<String> l) {
        return l.isEmpty() ? "none" : String.join(", ", l);
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
