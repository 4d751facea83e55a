package hearth.support;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A fresh database with Hearth's real schema (every Flyway migration), embedded H2 or PostgreSQL,
 * for specs of what several nodes do through one database without starting a server.
 */
public record MigratedDatabase(String name, JdbcClient jdbc, TransactionTemplate transactions,
                               javax.sql.DataSource dataSource) {
    private static final Map<String, MigratedDatabase> SHARED = new ConcurrentHashMap<>();

    /**
     * H2 and PostgreSQL, each migrated on first use and shared by the specs of this JVM (each spec
     * hangs its own rows on them): {@code @MethodSource("hearth.support.MigratedDatabase#both")}.
     */
    public static Stream<Supplier<MigratedDatabase>> both() {
        return Stream.of(() -> SHARED.computeIfAbsent("h2", k -> h2()),
                () -> SHARED.computeIfAbsent("pg", k -> postgres()));
    }

    public static MigratedDatabase h2() {
        return of("H2", new DriverManagerDataSource("jdbc:h2:mem:migrated-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    public static MigratedDatabase postgres() {
        return of("PostgreSQL", new DriverManagerDataSource(PostgresDatabase.create(), PostgresDatabase.user(),
                PostgresDatabase.password()));
    }

    private static MigratedDatabase of(String name, DriverManagerDataSource db) {
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        return new MigratedDatabase(name, JdbcClient.create(db),
                new TransactionTemplate(new DataSourceTransactionManager(db)), db);
    }

    /** An Installation (with its account, Location and SmartApp rows) to hang rows on; answers its id. */
    public String installation() {
        String id = UUID.randomUUID().toString();
        Object now = Times.db(Instant.now());
        jdbc.sql("INSERT INTO account (id, username, password_hash, created_at) VALUES (?, ?, 'x', ?)")
                .params(id, "user-" + id, now).update();
        jdbc.sql("INSERT INTO location (id, owner_id, name, time_zone, server_name, mode, created_at) "
                + "VALUES (?, ?, 'Home', 'UTC', 'local', 'Home', ?)").params(id, id, now).update();
        jdbc.sql("INSERT INTO smartapp (id, owner_id, name, namespace, source, client_id, client_secret_hash, "
                + "redirect_uris, servers, access_token_ttl, refresh_token_ttl, created_at, updated_at) "
                + "VALUES (?, ?, 'App', 'test', 's', ?, 'x', '', '*', 60, 60, ?, ?)")
                .params(id, id, id, now, now).update();
        jdbc.sql("INSERT INTO installation (id, smartapp_id, location_id, account_id, label, settings, created_at) "
                + "VALUES (?, ?, ?, ?, 'App', '{}', ?)").params(id, id, id, id, now).update();
        return id;
    }

    /** A hub row (of a Location id nothing else has) made at {@code createdAt}; answers its id. */
    public String hub(Instant createdAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO hub (id, location_id, name, url, z2m_base_topic, discovery_prefix, tasmota_discovery, "
                + "created_at) VALUES (?, ?, 'Hub', 'tcp://127.0.0.1:1883', 'zigbee2mqtt', 'homeassistant', false, ?)")
                .params(id, UUID.randomUUID().toString(), Times.db(createdAt)).update();
        return id;
    }

    @Override
    public String toString() {
        return name;
    }
}
