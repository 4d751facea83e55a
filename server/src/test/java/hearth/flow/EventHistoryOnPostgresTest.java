package hearth.flow;

import hearth.support.PostgresDatabase;
import hearth.support.TestDataDirs;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Event history on PostgreSQL, production's database, in a database of its own. */
@ActiveProfiles({"test", "postgres"})
class EventHistoryOnPostgresTest extends EventHistoryContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
        registry.add("hearth.signup.enabled", () -> "true");
        String dir = TestDataDirs.fresh("history-pg");
        registry.add("hearth.data-dir", () -> dir);
    }
}
