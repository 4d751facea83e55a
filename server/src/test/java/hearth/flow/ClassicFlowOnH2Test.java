package hearth.flow;

import hearth.support.TestDataDirs;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


/** The classic flow on the embedded default: an H2 file database. */
class ClassicFlowOnH2Test extends ClassicFlowContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("h2");
        registry.add("hearth.data-dir", () -> dir);
    }
}
