package hearth.support;

import hearth.engine.api.EventQuery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one SELECT of an event table for a classic history question ({@link EventQuery}): the owner's
 * rows, of one attribute if asked, within the dates (inclusive), newest first, at most
 * {@code query.max()} rows read. The tables name the attribute {@code name} and the time
 * {@code created_at}, each indexed by owner and time.
 *
 * @param sql    with named parameters
 * @param params their values
 */
public record HistoryQueries(String sql, Map<String, Object> params) {

    public static HistoryQueries select(String table, String ownerColumn, String ownerId, EventQuery query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM " + table + " WHERE " + ownerColumn + " = :owner");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("owner", ownerId);
        if (query.attribute() != null) {
            sql.append(" AND name = :name");
            params.put("name", query.attribute());
        }
        if (query.from() != null) {
            sql.append(" AND created_at >= :from");
            params.put("from", Times.db(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND created_at <= :to");
            params.put("to", Times.db(query.to()));
        }
        sql.append(" ORDER BY created_at DESC, id DESC FETCH FIRST :max ROWS ONLY");
        params.put("max", query.max());
        return new HistoryQueries(sql.toString(), params);
    }
}
