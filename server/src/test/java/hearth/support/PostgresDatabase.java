package hearth.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for one test context, on the server the README names
 * (127.0.0.1:5432, user postgres, trust auth) or at HEARTH_TEST_PG_URL.
 */
public final class PostgresDatabase {
    private static final String ADMIN_URL = System.getenv().getOrDefault("HEARTH_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getenv().getOrDefault("HEARTH_TEST_PG_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("HEARTH_TEST_PG_PASSWORD", "");

    private PostgresDatabase() {
    }

    /** Creates the database and answers its JDBC URL. */
    public static String create() {
        String name = "hearth_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + ADMIN_URL + " is needed for the tests "
                    + "(./hearth test starts it on this machine): " + e.getMessage(), e);
        }
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    /** A fresh database as the datasource of the test context that {@code registry} configures. */
    public static void register(DynamicPropertyRegistry registry) {
        String url = create();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", PostgresDatabase::user);
        registry.add("spring.datasource.password", PostgresDatabase::password);
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }
}
