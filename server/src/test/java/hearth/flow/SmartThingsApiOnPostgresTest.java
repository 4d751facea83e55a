package hearth.flow;

import hearth.support.PostgresDatabase;
import hearth.support.TestDataDirs;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The modern SmartThings API on PostgreSQL, in a database of its own. */
@ActiveProfiles({"test", "postgres"})
class SmartThingsApiOnPostgresTest extends SmartThingsApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
        registry.add("hearth.signup.enabled", () -> "true");
        String dir = TestDataDirs.fresh("st-pg");
        registry.add("hearth.data-dir", () -> dir);
    }
}
