package hearth.oauth;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/**
 * The API-only OAuth clients (no Groovy of their own) and the modern API's scopes each may ask
 * for; a SmartApp not listed here is a classic one, with the single scope {@code app}.
 */
@Repository
public class ApiClientRepository {
    private final JdbcClient jdbc;

    public ApiClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String smartAppId, Scopes scopes) {
        jdbc.sql("INSERT INTO api_client (smartapp_id, scopes) VALUES (?, ?)").params(smartAppId, scopes.joined())
                .update();
    }

    /** The scopes the client may ask for, or empty for a classic SmartApp. */
    public Optional<Scopes> scopes(String smartAppId) {
        return jdbc.sql("SELECT scopes FROM api_client WHERE smartapp_id = ?").param(smartAppId).query(String.class)
                .optional().map(Scopes::parse);
    }
}
