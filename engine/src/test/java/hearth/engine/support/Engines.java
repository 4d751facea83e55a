package hearth.engine.support;

import hearth.engine.EngineSettings;
import hearth.engine.SmartAppEngine;
import hearth.engine.api.SmartApp;
import hearth.engine.api.SmartAppCompilationException;

import java.time.Duration;

/** One engine for a test class, and apps written inline with the usual definition. */
public final class Engines {
    public static final String HEADER = """
            definition(name: "Test", namespace: "test", author: "t", description: "d", category: "c", oauth: true)
            """;

    private Engines() {
    }

    /** For ordinary tests: a time limit no healthy call reaches, even on a loaded CI machine. */
    public static SmartAppEngine quick() {
        return new SmartAppEngine(new EngineSettings(Duration.ofSeconds(30), 4, 64));
    }

    /** For tests of the time limit itself. */
    public static SmartAppEngine impatient() {
        return new SmartAppEngine(new EngineSettings(Duration.ofSeconds(1), 2, 16));
    }

    /** The app: {@link #HEADER}, then {@code body} (which must hold the mappings). */
    public static SmartApp app(SmartAppEngine engine, String body) {
        for (int attempt = 1; ; attempt++) {
            try {
                return engine.compile(HEADER + body);
            } catch (SmartAppCompilationException e) {
                // an impatient engine's time limit also bounds registration; on a loaded machine a cold
                // first registration can reach it, though these apps' top-level code is trivial
                if (attempt < 3 && e.getMessage().contains("ran out of time")) {
                    continue;
                }
                throw new AssertionError("did not compile: " + e.getMessage(), e);
            }
        }
    }
}
