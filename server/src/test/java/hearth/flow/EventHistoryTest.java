package hearth.flow;

import hearth.support.TestDataDirs;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Event history on H2 (the default database of a home server). */
class EventHistoryTest extends EventHistoryContract {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("history");
        registry.add("hearth.data-dir", () -> dir);
    }
}
