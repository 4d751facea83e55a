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
    private static final String WITH_GRANT = "SELECT c.*, " + GrantRepository.JOINED_COLUMNS
            + " FROM authorization_code c JOIN oauth_grant g ON g.id = c.grant_id WHERE c.code_hash = ?";
    // Single use even under concurrent redemption: only one UPDATE can flip used_at.
    private static final String MARK_USED = "UPDATE authorization_code SET used_at = ? WHERE code_hash = ? "
            + "AND used_at IS NULL";

    private static final RowMapper<AuthorizationCode> ROW = (rs, n) -> new AuthorizationCode(rs.getString("code_hash"),
            rs.getString("grant_id"), rs.getString("redirect_uri"), rs.getBoolean("redirect_uri_given"),
            rs.getString("code_challenge"), rs.getString("code_challenge_method"), Times.instant(rs, "created_at"),
            Times.instant(rs, "expires_at"), Times.instant(rs, "used_at"));

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

    /** The code with its grant, in one statement. */
    public Optional<CodeWithGrant> findWithGrant(String hash) {
        return jdbc.sql(WITH_GRANT).param(hash)
                .query((rs, n) -> new CodeWithGrant(ROW.mapRow(rs, n), GrantRepository.grant(rs, "g_"))).optional();
    }

    public boolean markUsed(String hash, Instant now) {
        return jdbc.sql(MARK_USED).params(Times.db(now), hash).update() == 1;
    }
}
