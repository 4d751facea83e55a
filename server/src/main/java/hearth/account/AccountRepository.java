package hearth.account;

import hearth.support.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Repository
public class AccountRepository {
    private static final String INSERT =
            "INSERT INTO account (id, username, password_hash, created_at, is_admin) VALUES (?, ?, ?, ?, ?)";
    private static final String BY_USERNAME = "SELECT * FROM account WHERE LOWER(username) = LOWER(?)";
    private static final String BY_ID = "SELECT * FROM account WHERE id = ?";
    private static final String COUNT = "SELECT COUNT(*) FROM account";
    // Shards keep password-less stubs of accounts (ShardReplicas), named "@" + id: not people.
    private static final String ALL = "SELECT * FROM account WHERE username NOT LIKE '@%' ORDER BY created_at, username";
    private static final String SET_PASSWORD = "UPDATE account SET password_hash = ? WHERE id = ?";
    private static final String LOCK = "UPDATE account SET locked_at = ? WHERE id = ?";
    private static final String UNLOCK = "UPDATE account SET locked_at = NULL WHERE id = ?";

    private static final RowMapper<Account> ACCOUNT = (rs, n) -> new Account(rs.getString("id"),
            rs.getString("username"), Times.instant(rs, "created_at"));
    private static final RowMapper<Standing> STANDING = (rs, n) -> new Standing(ACCOUNT.mapRow(rs, n),
            rs.getBoolean("is_admin"), Times.instant(rs, "locked_at"));

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Account account, String passwordHash) {
        insert(account, passwordHash, false);
    }

    public void insert(Account account, String passwordHash, boolean admin) {
        jdbc.sql(INSERT).params(account.id(), account.username(), passwordHash, Times.db(account.createdAt()), admin)
                .update();
    }

    public Optional<Credentials> findCredentials(String username) {
        return jdbc.sql(BY_USERNAME).param(username)
                .query((rs, n) -> new Credentials(STANDING.mapRow(rs, n), rs.getString("password_hash")))
                .optional();
    }

    public Optional<Account> findByUsername(String username) {
        return findCredentials(username).map(c -> c.standing().account());
    }

    public Optional<Account> findById(String id) {
        return jdbc.sql(BY_ID).param(id).query(ACCOUNT).optional();
    }

    public Optional<Standing> standing(String id) {
        return jdbc.sql(BY_ID).param(id).query(STANDING).optional();
    }

    /** Every person's account, oldest first. */
    public List<Standing> all() {
        return jdbc.sql(ALL).query(STANDING).list();
    }

    public long count() {
        return jdbc.sql(COUNT).query(Long.class).single();
    }

    public void setPasswordHash(String id, String passwordHash) {
        jdbc.sql(SET_PASSWORD).params(passwordHash, id).update();
    }

    public void lock(String id, Instant since) {
        jdbc.sql(LOCK).params(Times.db(since), id).update();
    }

    public void unlock(String id) {
        jdbc.sql(UNLOCK).param(id).update();
    }

    /** An account as the operator sees it: whether it is an admin, and locked since when. */
    public record Standing(Account account, boolean admin, Instant lockedAt) {
        public boolean locked() {
            return lockedAt != null;
        }
    }

    public record Credentials(Standing standing, String passwordHash) {
        public Account account() {
            return standing.account();
        }

        @Override
        public String toString() {
            return "Credentials[" + standing.account().username() + "]";
        }
    }
}
