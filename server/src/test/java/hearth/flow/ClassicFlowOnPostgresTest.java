package hearth.flow;

import hearth.support.PostgresDatabase;
import hearth.support.TestDataDirs;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


/** The classic flow on PostgreSQL, production's database, in a database of its own. */
@ActiveProfiles({"test", "postgres"})
class ClassicFlowOnPostgresTest extends ClassicFlowContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
        registry.add("hearth.signup.enabled", () -> "true");
        String dir = TestDataDirs.fresh("pg");
        registry.add("hearth.data-dir", () -> dir);
    }
}
