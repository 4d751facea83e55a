package hearth.engine;

import java.time.Duration;

/**
 * @param callTimeout the longest a handler call may run (classic: 20 s)
 */
public record EngineSettings(Duration callTimeout) {
    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofSeconds(20));
    }
}
