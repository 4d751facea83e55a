package hearth.flow;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.UUID;

/** The classic flow on the embedded default: an H2 file database. */
class ClassicFlowOnH2Test extends ClassicFlowContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Path dir = Path.of("target", "test-data", "h2-" + UUID.randomUUID()).toAbsolutePath();
        registry.add("hearth.data-dir", dir::toString);
    }
}
