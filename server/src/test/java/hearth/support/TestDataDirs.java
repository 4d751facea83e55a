package hearth.support;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A fresh data folder per test context. Made once and handed to the registry as a fixed value:
 * a supplier that made a new one on each call would give Tomcat and the database different folders.
 */
public final class TestDataDirs {
    private TestDataDirs() {
    }

    public static String fresh(String prefix) {
        return Path.of("target", "test-data", prefix + "-" + UUID.randomUUID()).toAbsolutePath().toString();
    }
}
