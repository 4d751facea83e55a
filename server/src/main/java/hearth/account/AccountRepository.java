package hearth.account;

import hearth.support.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

@Repository
public class AccountRepository {
    private static final String INSERT =
            "INSERT INTO account (id, username, password_hash, created_at) VALUES (?, ?, ?, ?)";
    private static final String BY_USERNAME = "SELECT * FROM account WHERE LOWER(username) = LOWER(?)";
    private static final String BY_ID = "SELECT * FROM account WHERE id = ?";
    private static final String COUNT = "SELECT COUNT(*) FROM account";

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Account account, String passwordHash) {
        jdbc.sql(INSERT).params(account.id(), account.username(), passwordHash, Times.db(account.createdAt())).update();
    }

    public Optional<Credentials> findCredentials(String username) {
        return jdbc.sql(BY_USERNAME).param(username)
                .query((rs, n) -> new Credentials(
                        new Account(rs.getString("id"), rs.getString("username"), Times.instant(rs, "created_at")),
                        rs.getString("password_hash")))
                .optional();
    }

    public Optional<Account> findByUsername(String username) {
        return findCredentials(username).map(Credentials::account);
    }

    public Optional<Account> findById(String id) {
        return jdbc.sql(BY_ID).param(id)
                .query((rs, n) -> new Account(rs.getString("id"), rs.getString("username"),
                        Times.instant(rs, "created_at")))
                .optional();
    }

    public long count() {
        return jdbc.sql(COUNT).query(Long.class).single();
    }

    public record Credentials(Account account, String passwordHash) {
        @Override
        public String toString() {
            return "Credentials[" + account.username() + "]";
        }
    }
}
