package hearth.oauth;

import hearth.installation.InstallationRepository;
import hearth.support.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@Repository
public class TokenRepository {
    private static final String INSERT = "INSERT INTO oauth_token (token_hash, grant_id, kind, smartapp_id, "
            + "installation_id, account_id, scope, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // An access token and its refresh token: one statement.
    private static final String INSERT_PAIR = INSERT + ", (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // The primary key is the hash: authenticating a token is one indexed lookup.
    // Without the sealed successor (up to 300 characters that only a rotation's grace answer reads).
    private static final String COLUMNS = "t.token_hash, t.grant_id, t.kind, t.smartapp_id, t.installation_id, "
            + "t.account_id, t.scope, t.issued_at, t.expires_at, t.revoked_at, t.used_at";
    private static final String BY_HASH = "SELECT " + COLUMNS + " FROM oauth_token t WHERE t.token_hash = ?";
    // An installation API call's token with what the call reads of its Installation, where both are here.
    private static final String WITH_INSTALLATION = "SELECT " + COLUMNS + ", " + InstallationRepository.LOADED_COLUMNS
            + " FROM oauth_token t LEFT JOIN installation i ON i.id = t.installation_id "
            + "LEFT JOIN location l ON l.id = i.location_id WHERE t.token_hash = ?";
    // GET /api/smartapps/endpoints: the token, its grant, its client's id and its Location's name, in one statement.
    private static final String WITH_ENDPOINT = "SELECT " + COLUMNS + ", " + GrantRepository.JOINED_COLUMNS
            + ", s.client_id AS s_client_id, l.id AS l_id, l.name AS l_name FROM oauth_token t "
            + "JOIN oauth_grant g ON g.id = t.grant_id LEFT JOIN smartapp s ON s.id = t.smartapp_id "
            + "LEFT JOIN location l ON l.id = g.location_id WHERE t.token_hash = ?";
    // The client with the token the request names (one statement, issue 15): introspection needs no grant.
    private static final String CLIENT_WITH_TOKEN = ClientJoins.select("t.*",
            "LEFT JOIN oauth_token t ON t.token_hash = ?");
    private static final String CLIENT_WITH_TOKEN_AND_GRANT = ClientJoins.select("t.*, " + GrantRepository.JOINED_COLUMNS,
            "LEFT JOIN oauth_token t ON t.token_hash = ? LEFT JOIN oauth_grant g ON g.id = t.grant_id");
    // A rotation's one write to the used token: used, with its sealed successor, unless used or revoked meanwhile.
    private static final String ROTATE = "UPDATE oauth_token SET used_at = ?, successor = ? WHERE token_hash = ? "
            + "AND used_at IS NULL AND revoked_at IS NULL";
    private static final String MARK_USED = "UPDATE oauth_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL";
    private static final String SEAL = "UPDATE oauth_token SET successor = ? WHERE token_hash = ?";
    private static final String SUCCESSOR = "SELECT successor FROM oauth_token WHERE token_hash = ?";
    private static final String REVOKE = "UPDATE oauth_token SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL";

    private static final RowMapper<TokenRecord> ROW = (rs, n) -> new TokenRecord(rs.getString("token_hash"),
            rs.getString("grant_id"), TokenRecord.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
            rs.getString("smartapp_id"), rs.getString("installation_id"), rs.getString("account_id"),
            rs.getString("scope"), Times.instant(rs, "issued_at"), Times.instant(rs, "expires_at"),
            Times.instant(rs, "revoked_at"), Times.instant(rs, "used_at"));
    /** The token of a row that starts with {@link #COLUMNS}, by position (a driver finds a name on each get). */
    private static TokenRecord tokenAtStart(ResultSet rs) throws SQLException {
        return new TokenRecord(rs.getString(1), rs.getString(2),
                TokenRecord.Kind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Times.instant(rs, 8), Times.instant(rs, 9), Times.instant(rs, 10),
                Times.instant(rs, 11));
    }

    private static final int COLUMNS_WIDTH = 11;

    static {
        if (COLUMNS.split(",").length != COLUMNS_WIDTH) {
            throw new IllegalStateException("TokenRepository.COLUMNS changed: update tokenAtStart and COLUMNS_WIDTH");
        }
    }

    private static final RowMapper<TokenWithGrant> WITH_GRANT_ROW = (rs, n) -> new TokenWithGrant(ROW.mapRow(rs, n),
            GrantRepository.grant(rs, "g_"));
    private static final RowMapper<ClientWith<TokenRecord>> CLIENT_WITH_TOKEN_ROW = ClientJoins.row("token_hash", ROW);
    private static final RowMapper<ClientWith<TokenWithGrant>> CLIENT_WITH_TOKEN_AND_GRANT_ROW =
            ClientJoins.row("token_hash", WITH_GRANT_ROW);

    private final JdbcClient jdbc;

    public TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(TokenRecord t) {
        jdbc.sql(INSERT).params(values(t)).update();
    }

    /** An access token and its refresh token in one statement. */
    public void insertPair(TokenRecord access, TokenRecord refresh) {
        List<Object> both = new ArrayList<>(values(access));
        both.addAll(values(refresh));
        jdbc.sql(INSERT_PAIR).params(both).update();
    }

    private static List<Object> values(TokenRecord t) {
        return Arrays.asList(t.hash(), t.grantId(), t.kind().name().toLowerCase(Locale.ROOT), t.smartAppId(),
                t.installationId(), t.accountId(), t.scope(), Times.db(t.issuedAt()), Times.db(t.expiresAt()));
    }


    /** The client {@code clientId}, empty when unknown, with the token of that hash (any client's) if there is one. */
    public Optional<ClientWith<TokenRecord>> findWithClient(String clientId, String hash) {
        return jdbc.sql(CLIENT_WITH_TOKEN).params(hash, clientId).query(CLIENT_WITH_TOKEN_ROW).optional();
    }

    /** {@link #findWithClient}, with the token's grant. */
    public Optional<ClientWith<TokenWithGrant>> findWithClientAndGrant(String clientId, String hash) {
        return jdbc.sql(CLIENT_WITH_TOKEN_AND_GRANT).params(hash, clientId)
                .query(CLIENT_WITH_TOKEN_AND_GRANT_ROW).optional();
    }

    /** The token with its grant and what its endpoint names ({@link TokenWithEndpoint}), in one statement. */
    public Optional<TokenWithEndpoint> findWithEndpoint(String hash) {
        return jdbc.sql(WITH_ENDPOINT).param(hash).query((rs, n) -> new TokenWithEndpoint(ROW.mapRow(rs, n),
                GrantRepository.grant(rs, "g_"), rs.getString("s_client_id"), rs.getString("l_id"),
                rs.getString("l_name"))).optional();
    }

    /**
     * Rotates a refresh token: marks it used and keeps its sealed successor ({@link SealedSuccessor},
     * null for none), in one statement; false when it was already used or has been revoked (then
     * nothing changed).
     */
    public boolean markRotated(String hash, Instant now, String sealedSuccessor) {
        return jdbc.sql(ROTATE).params(Times.db(now), sealedSuccessor, hash).update() == 1;
    }

    public Optional<TokenRecord> findByHash(String hash) {
        return jdbc.sql(BY_HASH).param(hash).query(ROW).optional();
    }

    /** The token with its Installation's {@link InstallationRepository#loadedHead} (null when it has none here). */
    public Optional<TokenWithInstallation> findWithInstallation(String hash, InstallationRepository installations) {
        return jdbc.sql(WITH_INSTALLATION).param(hash).query((rs, n) -> new TokenWithInstallation(tokenAtStart(rs),
                installations.loadedHead(rs, COLUMNS_WIDTH + 1))).optional();
    }

    /** Marks a refresh token used; false when it already was (someone else won the race or it is replayed). */
    public boolean markUsed(String hash, Instant now) {
        return jdbc.sql(MARK_USED).params(Times.db(now), hash).update() == 1;
    }

    /** Keeps the sealed successor pair with a used refresh token ({@link SealedSuccessor}). */
    public void sealSuccessor(String hash, String sealed) {
        jdbc.sql(SEAL).params(sealed, hash).update();
    }

    public Optional<String> successor(String hash) {
        return jdbc.sql(SUCCESSOR).param(hash).query(String.class).optional();
    }

    public void revoke(String hash, Instant now) {
        jdbc.sql(REVOKE).params(Times.db(now), hash).update();
    }
}
