package hearth.oauth;

import hearth.smartapp.SmartAppRepository;
import org.springframework.jdbc.core.RowMapper;

import java.util.Optional;

/**
 * The one statement of a token, introspection or code request: the client by its client_id, with
 * (LEFT JOIN, by hash only) what the request names. The second parameter is the client_id.
 */
final class ClientJoins {
    private ClientJoins() {
    }

    /** {@code joins} start with {@code LEFT JOIN} and take the hash as their one parameter. */
    static String select(String columns, String joins) {
        return "SELECT " + SmartAppRepository.JOINED_CLIENT_COLUMNS + ", " + columns + " FROM smartapp a " + joins
                + " WHERE a.client_id = ?";
    }

    /** {@code keyColumn}: the joined row's primary key, null when nothing matched. */
    static <T> RowMapper<ClientWith<T>> row(String keyColumn, RowMapper<T> found) {
        return (rs, n) -> new ClientWith<>(SmartAppRepository.app(rs, "a_"),
                rs.getString(keyColumn) == null ? Optional.empty() : Optional.of(found.mapRow(rs, n)));
    }
}
