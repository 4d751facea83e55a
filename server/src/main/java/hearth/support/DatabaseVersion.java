package hearth.support;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * Refuses to start on a PostgreSQL older than Hearth's statements need ({@code MERGE}, 15), with a
 * message that says so, instead of failing the first API calls with a syntax error.
 */
@Component
public class DatabaseVersion implements InitializingBean {
    static final int POSTGRESQL_MAJOR = 15;

    private final DataSource dataSource;

    public DatabaseVersion(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            require(meta.getDatabaseProductName(), meta.getDatabaseMajorVersion(), meta.getDatabaseProductVersion());
        }
    }

    static void require(String product, int major, String version) {
        if ("PostgreSQL".equalsIgnoreCase(product) && major < POSTGRESQL_MAJOR) {
            throw new IllegalStateException("Hearth needs PostgreSQL " + POSTGRESQL_MAJOR + " or later (it uses MERGE); "
                    + "this database is PostgreSQL " + version + ": upgrade it (pg_upgrade), or run Hearth on H2");
        }
    }
}
