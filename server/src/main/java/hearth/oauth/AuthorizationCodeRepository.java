package hearth.oauth;

import hearth.support.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

@Repository
public class AuthorizationCodeRepository {
    private static final String INSERT = "INSERT INTO authorization_code (code_hash, grant_id, redirect_uri, "
            + "redirect_uri_given, code_challenge, code_challenge_method, created_at, expires_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String BY_HASH = "SELECT * FROM authorization_code WHERE code_hash = ?";
    // The client with the code the request names, and the code's grant: one statement (issue 15).
    private static final String CLIENT_WITH_CODE = ClientJoins.select("c.*, " + GrantRepository.JOINED_COLUMNS,
            "LEFT JOIN authorization_code c ON c.code_hash = ? LEFT JOIN oauth_grant g ON g.id = c.grant_id");
    // Single use even under concurrent redemption: only one UPDATE can flip used_at.
    private static final String MARK_USED = "UPDATE authorization_code SET used_at = ? WHERE code_hash = ? "
            + "AND used_at IS NULL";

    private static final RowMapper<AuthorizationCode> ROW = (rs, n) -> new AuthorizationCode(rs.getString("code_hash"),
            rs.getString("grant_id"), rs.getString("redirect_uri"), rs.getBoolean("redirect_uri_given"),
            rs.getString("code_challenge"), rs.getString("code_challenge_method"), Times.instant(rs, "created_at"),
            Times.instant(rs, "expires_at"), Times.instant(rs, "used_at"));
    private static final RowMapper<ClientWith<CodeWithGrant>> CLIENT_WITH_CODE_ROW = ClientJoins.row("code_hash",
            (rs, n) -> new CodeWithGrant(ROW.mapRow(rs, n), GrantRepository.grant(rs, "g_")));

    private final JdbcClient jdbc;

    public AuthorizationCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AuthorizationCode c) {
        jdbc.sql(INSERT).params(c.hash(), c.grantId(), c.redirectUri(), c.redirectUriGiven(), c.codeChallenge(),
                c.codeChallengeMethod(), Times.db(c.createdAt()), Times.db(c.expiresAt())).update();
    }

    public Optional<AuthorizationCode> findByHash(String hash) {
        return jdbc.sql(BY_HASH).param(hash).query(ROW).optional();
    }

    /** The client {@code clientId}, empty when unknown, with the code of that hash (any client's) and its grant. */
    public Optional<ClientWith<CodeWithGrant>> findWithClient(String clientId, String hash) {
        return jdbc.sql(CLIENT_WITH_CODE).params(hash, clientId).query(CLIENT_WITH_CODE_ROW).optional();
    }

    public boolean markUsed(String hash, Instant now) {
        return jdbc.sql(MARK_USED).params(Times.db(now), hash).update() == 1;
    }
}
