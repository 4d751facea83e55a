package hearth.oauth;

import hearth.support.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Grants and the revocation of whole grants, with every token they hold. */
@Repository
public class GrantRepository {
    private static final String INSERT = "INSERT INTO oauth_grant (id, smartapp_id, installation_id, account_id, scope, "
            + "origin, location_id, server_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String BY_ID = "SELECT * FROM oauth_grant WHERE id = ?";
    private static final String REVOKE_GRANT = "UPDATE oauth_grant SET revoked_at = ? WHERE %s AND revoked_at IS NULL";
    private static final String REVOKE_TOKENS = "UPDATE oauth_token SET revoked_at = ? WHERE revoked_at IS NULL AND "
            + "grant_id IN (SELECT id FROM oauth_grant WHERE %s)";
    private static final String OF_SMARTAPP = "grant_id IN (SELECT id FROM oauth_grant WHERE smartapp_id = ?)";
    private static final List<String> DELETE_SMARTAPP = List.of(
            "DELETE FROM oauth_token WHERE " + OF_SMARTAPP,
            "DELETE FROM authorization_code WHERE " + OF_SMARTAPP,
            "DELETE FROM oauth_grant WHERE smartapp_id = ?");

    private static final RowMapper<Grant> ROW = (rs, n) -> grant(rs, "");

    /** The grant's columns, for a query that joins them to a token or code row, each named {@code g_...}. */
    static final String JOINED_COLUMNS = "g.id AS g_id, g.smartapp_id AS g_smartapp_id, "
            + "g.installation_id AS g_installation_id, g.account_id AS g_account_id, g.scope AS g_scope, "
            + "g.origin AS g_origin, g.location_id AS g_location_id, g.server_name AS g_server_name, "
            + "g.created_at AS g_created_at, g.revoked_at AS g_revoked_at";

    private final JdbcClient jdbc;

    public GrantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Grant g) {
        jdbc.sql(INSERT).params(g.id(), g.smartAppId(), g.installationId(), g.accountId(), g.scope(),
                g.origin().name().toLowerCase(Locale.ROOT), g.locationId(), g.serverName(), Times.db(g.createdAt()))
                .update();
    }

    public Optional<Grant> findById(String id) {
        return jdbc.sql(BY_ID).param(id).query(ROW).optional();
    }

    public void revokeGrant(String grantId, Instant now) {
        revoke("id = ?", now, grantId);
    }

    public void revokeInstallation(String installationId, Instant now) {
        revoke("installation_id = ?", now, installationId);
    }

    /** What the user's consents gave this Installation; the SmartApp's own tokens (createAccessToken) stay. */
    public void revokeConsented(String installationId, Instant now) {
        revoke("installation_id = ? AND origin <> 'self'", now, installationId);
    }

    public void revokeSelfIssued(String installationId, Instant now) {
        revoke("installation_id = ? AND origin = 'self'", now, installationId);
    }

    public void revokeSmartApp(String smartAppId, Instant now) {
        revoke("smartapp_id = ?", now, smartAppId);
    }

    public void revokeAccount(String accountId, Instant now) {
        revoke("account_id = ?", now, accountId);
    }

    /** The SmartApp is deleted: its grants go with their tokens and codes (revoked first, by the caller). */
    public void deleteSmartApp(String smartAppId) {
        DELETE_SMARTAPP.forEach(sql -> jdbc.sql(sql).param(smartAppId).update());
    }

    /** The grant of a row whose grant columns are named {@code prefix + column} ({@link #JOINED_COLUMNS}). */
    static Grant grant(ResultSet rs, String prefix) throws SQLException {
        return new Grant(rs.getString(prefix + "id"), rs.getString(prefix + "smartapp_id"),
                rs.getString(prefix + "installation_id"), rs.getString(prefix + "account_id"),
                rs.getString(prefix + "scope"),
                Grant.Origin.valueOf(rs.getString(prefix + "origin").toUpperCase(Locale.ROOT)),
                rs.getString(prefix + "location_id"), rs.getString(prefix + "server_name"),
                Times.instant(rs, prefix + "created_at"), Times.instant(rs, prefix + "revoked_at"));
    }

    // Tokens first: their sub-select must still see the grants it revokes.
    private void revoke(String where, Instant now, String id) {
        jdbc.sql(REVOKE_TOKENS.formatted(where)).params(Times.db(now), id).update();
        jdbc.sql(REVOKE_GRANT.formatted(where)).params(Times.db(now), id).update();
    }
}
