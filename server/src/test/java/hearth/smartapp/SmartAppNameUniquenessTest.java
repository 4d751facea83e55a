package hearth.smartapp;

import hearth.support.PostgresDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A developer's namespace and name are unique in the database itself (V12), on H2 and on
 * PostgreSQL: a second row for the pair is refused however the two registrations raced, a missing
 * namespace counts as one value, and twins registered before the rule keep working, renamed.
 */
class SmartAppNameUniquenessTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    void theDatabaseRefusesASecondAppOfOneDeveloperWithTheSameNamespaceAndName(String database) throws SQLException {
        String url = url(database);
        migrate(url, null);
        try (Connection c = connect(url)) {
            String owner = account(c, "dev");
            String other = account(c, "someone-else");
            app(c, "a1", owner, "Lamp", "acme", 0);
            app(c, "b1", other, "Lamp", "acme", 0);
            app(c, "n1", owner, "Nameless", "", 0);

            assertThatThrownBy(() -> app(c, "a2", owner, "Lamp", "acme", 1)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("23"));
            assertThatThrownBy(() -> app(c, "n2", owner, "Nameless", "", 1)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> app(c, "x", owner, "Nameless", null, 1)).as("no namespace is stored as ''")
                    .isInstanceOf(SQLException.class);
            app(c, "a3", owner, "Lamp", "acme-two", 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "postgres"})
    void twinsFromBeforeTheRuleKeepWorkingAndAllButTheFirstAreRenamed(String database) throws SQLException {
        String url = url(database);
        migrate(url, "11");
        try (Connection c = connect(url)) {
            String owner = account(c, "dev");
            app(c, "first", owner, "Lamp", "acme", 0);
            app(c, "second", owner, "Lamp", "acme", 1);
            app(c, "third", owner, "Lamp", "acme", 2);
            app(c, "bare-1", owner, "Bare", null, 0);
            app(c, "bare-2", owner, "Bare", null, 1);
        }

        migrate(url, null);

        try (Connection c = connect(url)) {
            assertThat(namespaces(c)).containsExactly(Map.entry("bare-1", ""), Map.entry("bare-2", " (bare-2)"),
                    Map.entry("first", "acme"), Map.entry("second", "acme (second)"),
                    Map.entry("third", "acme (third)"));
        }
    }

    private static String url(String database) {
        return database.equals("h2")
                ? "jdbc:h2:mem:uniq-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                : PostgresDatabase.create();
    }

    private static Connection connect(String url) throws SQLException {
        return url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url, "hearth", "")
                : DriverManager.getConnection(url, PostgresDatabase.user(), PostgresDatabase.password());
    }

    private static void migrate(String url, String target) {
        var config = Flyway.configure().locations("classpath:db/migration");
        config = url.startsWith("jdbc:h2:") ? config.dataSource(url, "hearth", "")
                : config.dataSource(url, PostgresDatabase.user(), PostgresDatabase.password());
        if (target != null) {
            config = config.target(target);
        }
        config.load().migrate();
    }

    private static String account(Connection c, String username) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO account (id, username, password_hash, created_at) "
                + "VALUES (?, ?, 'x', ?)")) {
            s.setString(1, id);
            s.setString(2, username);
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
        return id;
    }

    private static void app(Connection c, String id, String owner, String name, String namespace, int second)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO smartapp (id, owner_id, name, namespace, source, "
                + "client_id, client_secret_hash, redirect_uris, servers, access_token_ttl, refresh_token_ttl, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, 'source', ?, 'hash', 'https://example.com/cb', '*', "
                + "86400, 86400, ?, ?)")) {
            Timestamp at = Timestamp.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second));
            s.setString(1, id);
            s.setString(2, owner);
            s.setString(3, name);
            s.setString(4, namespace);
            s.setString(5, UUID.randomUUID().toString());
            s.setTimestamp(6, at);
            s.setTimestamp(7, at);
            s.executeUpdate();
        }
    }

    private static Map<String, String> namespaces(Connection c) throws SQLException {
        Map<String, String> byId = new LinkedHashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT id, namespace FROM smartapp ORDER BY id")) {
            while (rs.next()) {
                byId.put(rs.getString(1), rs.getString(2));
            }
        }
        return byId;
    }
}
