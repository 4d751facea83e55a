package hearth.engine.api;

import org.slf4j.Logger;

import java.util.Objects;

/** One line of an app's {@code log.*}, cleaned of token-looking values and of line breaks. */
public record LogLine(Level level, String message) {
    public LogLine {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }

    /** Writes the line, tagged with the Installation's id, as every host shows app logs. */
    public void writeTo(Logger logger, String installationId) {
        switch (level) {
            case TRACE -> logger.trace("[{}] {}", installationId, message);
            case DEBUG -> logger.debug("[{}] {}", installationId, message);
            case INFO -> logger.info("[{}] {}", installationId, message);
            case WARN -> logger.warn("[{}] {}", installationId, message);
            case ERROR -> logger.error("[{}] {}", installationId, message);
        }
    }

    public enum Level { TRACE, DEBUG, INFO, WARN, ERROR }
}
