package hearth.flow;

import hearth.support.TestDataDirs;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The modern SmartThings API on the embedded default: an H2 file database. */
class SmartThingsApiOnH2Test extends SmartThingsApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("st-h2");
        registry.add("hearth.data-dir", () -> dir);
    }
}
