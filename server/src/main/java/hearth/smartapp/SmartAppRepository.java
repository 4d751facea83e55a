package hearth.smartapp;

import hearth.support.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

@Repository
public class SmartAppRepository {
    private static final String INSERT = "INSERT INTO smartapp (id, owner_id, name, namespace, source, client_id, "
            + "client_secret_hash, redirect_uris, servers, access_token_ttl, refresh_token_ttl, public_client, created_at, "
            + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE smartapp SET name = ?, namespace = ?, source = ?, redirect_uris = ?, "
            + "servers = ?, access_token_ttl = ?, refresh_token_ttl = ?, updated_at = ? WHERE id = ?";
    private static final String UPDATE_SECRET = "UPDATE smartapp SET client_secret_hash = ?, updated_at = ? WHERE id = ?";
    private static final String BY_ID = "SELECT * FROM smartapp WHERE id = ?";
    private static final String BY_CLIENT_ID = "SELECT * FROM smartapp WHERE client_id = ?";
    // A client check reads no source: every token, introspection and revocation request looks a client up.
    private static final List<String> CLIENT_COLUMNS = List.of("id", "owner_id", "name", "namespace", "client_id",
            "client_secret_hash", "redirect_uris", "servers", "access_token_ttl", "refresh_token_ttl", "public_client",
            "created_at", "updated_at");
    private static final String CLIENT = "SELECT " + String.join(", ", CLIENT_COLUMNS) + ", NULL AS source "
            + "FROM smartapp WHERE ";
    /**
     * The client's columns (no source), for a query that joins them to what a request names: from
     * {@code smartapp a}, each named {@code a_...} ({@link #app(ResultSet, String)} with "a_").
     */
    public static final String JOINED_CLIENT_COLUMNS = CLIENT_COLUMNS.stream().map(c -> "a." + c + " AS a_" + c)
            .collect(Collectors.joining(", ")) + ", NULL AS a_source";
    private static final String CLIENT_BY_CLIENT_ID = CLIENT + "client_id = ?";
    private static final String CLIENT_BY_ID = CLIENT + "id = ?";
    private static final String BY_OWNER = "SELECT * FROM smartapp WHERE owner_id = ? ORDER BY created_at";
    private static final String DELETE = "DELETE FROM smartapp WHERE id = ?";

    // Redirect URIs can't contain a newline (they are validated as URIs), so it separates them.
    private static final String SEPARATOR = "\n";

    private static final RowMapper<SmartAppRecord> ROW = (rs, n) -> app(rs, "");

    private final JdbcClient jdbc;

    public SmartAppRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the owner has the namespace and name. */
    public void insert(SmartAppRecord a) {
        jdbc.sql(INSERT).params(a.id(), a.ownerId(), a.name(), stored(a.namespace()), a.source(), a.clientId(),
                a.clientSecretHash(), String.join(SEPARATOR, a.redirectUris()), String.join(SEPARATOR, a.servers()),
                a.accessTokenTtl().getSeconds(), a.refreshTokenTtl().getSeconds(), a.publicClient(),
                Times.db(a.createdAt()), Times.db(a.updatedAt())).update();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the owner has the namespace and name. */
    public void update(SmartAppRecord a) {
        jdbc.sql(UPDATE).params(a.name(), stored(a.namespace()), a.source(), String.join(SEPARATOR, a.redirectUris()),
                String.join(SEPARATOR, a.servers()), a.accessTokenTtl().getSeconds(), a.refreshTokenTtl().getSeconds(),
                Times.db(a.updatedAt()), a.id()).update();
    }

    public void updateSecretHash(String id, String secretHash, Instant now) {
        jdbc.sql(UPDATE_SECRET).params(secretHash, Times.db(now), id).update();
    }

    public Optional<SmartAppRecord> findById(String id) {
        return jdbc.sql(BY_ID).param(id).query(ROW).optional();
    }

    public Optional<SmartAppRecord> findByClientId(String clientId) {
        return jdbc.sql(BY_CLIENT_ID).param(clientId).query(ROW).optional();
    }

    /** The registration without its source (null), for authenticating its client. */
    public Optional<SmartAppRecord> findClientByClientId(String clientId) {
        return jdbc.sql(CLIENT_BY_CLIENT_ID).param(clientId).query(ROW).optional();
    }

    /** The registration without its source (null), by its id. */
    public Optional<SmartAppRecord> findClientById(String id) {
        return jdbc.sql(CLIENT_BY_ID).param(id).query(ROW).optional();
    }

    public List<SmartAppRecord> findByOwner(String ownerId) {
        return jdbc.sql(BY_OWNER).param(ownerId).query(ROW).list();
    }

    public void delete(String id) {
        jdbc.sql(DELETE).param(id).update();
    }

    /** The SmartApp of a row whose columns are named {@code prefix + column} ({@link #JOINED_CLIENT_COLUMNS}). */
    public static SmartAppRecord app(ResultSet rs, String prefix) throws SQLException {
        return new SmartAppRecord(rs.getString(prefix + "id"), rs.getString(prefix + "owner_id"),
                rs.getString(prefix + "name"), namespace(rs.getString(prefix + "namespace")),
                rs.getString(prefix + "source"), rs.getString(prefix + "client_id"),
                rs.getString(prefix + "client_secret_hash"), split(rs.getString(prefix + "redirect_uris")),
                split(rs.getString(prefix + "servers")), Duration.ofSeconds(rs.getLong(prefix + "access_token_ttl")),
                Duration.ofSeconds(rs.getLong(prefix + "refresh_token_ttl")), rs.getBoolean(prefix + "public_client"),
                Times.instant(rs, prefix + "created_at"), Times.instant(rs, prefix + "updated_at"));
    }

    // No namespace is stored as '' so that the unique index (owner, namespace, name) covers it too.
    private static String stored(String namespace) {
        return namespace == null ? "" : namespace;
    }

    private static String namespace(String stored) {
        return stored == null || stored.isEmpty() ? null : stored;
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }
}
