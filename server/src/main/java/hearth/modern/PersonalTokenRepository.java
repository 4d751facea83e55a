package hearth.modern;

import hearth.support.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@Repository
class PersonalTokenRepository {
    private static final String INSERT = "INSERT INTO personal_token (id, account_id, name, token_hash, scopes, "
            + "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final RowMapper<PersonalToken> ROW = (rs, n) -> new PersonalToken(rs.getString("id"),
            rs.getString("account_id"), rs.getString("name"), rs.getString("token_hash"),
            Arrays.asList(rs.getString("scopes").split(" ")), Times.instant(rs, "created_at"),
            Times.instant(rs, "expires_at"), Times.instant(rs, "last_used_at"), Times.instant(rs, "revoked_at"));

    private final JdbcClient jdbc;

    PersonalTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PersonalToken t) {
        jdbc.sql(INSERT).params(t.id(), t.accountId(), t.name(), t.hash(), String.join(" ", t.scopes()),
                Times.db(t.createdAt()), Times.db(t.expiresAt())).update();
    }

    Optional<PersonalToken> findByHash(String hash) {
        return jdbc.sql("SELECT * FROM personal_token WHERE token_hash = ?").param(hash).query(ROW).optional();
    }

    List<PersonalToken> findByAccount(String accountId) {
        return jdbc.sql("SELECT * FROM personal_token WHERE account_id = ? ORDER BY created_at DESC, id")
                .param(accountId).query(ROW).list();
    }

    void touch(String id, Instant now) {
        jdbc.sql("UPDATE personal_token SET last_used_at = ? WHERE id = ?").params(Times.db(now), id).update();
    }

    /** False when the account has no such token, or it was already revoked. */
    boolean revoke(String accountId, String id, Instant now) {
        return jdbc.sql("UPDATE personal_token SET revoked_at = ? WHERE id = ? AND account_id = ? "
                        + "AND revoked_at IS NULL")
                .params(Times.db(now), id, accountId).update() == 1;
    }

    void revokeAccount(String accountId, Instant now) {
        jdbc.sql("UPDATE personal_token SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL")
                .params(Times.db(now), accountId).update();
    }
}
