package hearth.engine.api;

import org.slf4j.Logger;

import java.util.Objects;
import java.util.regex.Pattern;

/** One line of an app's {@code log.*}, cleaned of token-looking values and of line breaks. */
public record LogLine(Level level, String message) {
    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:access_token|accessToken|refresh_token|client_secret|authorization)[\"']?\\s*[:=]\\s*[\"']?)"
                    + "([^\\s,&\"'}\\]]+)");
    /** The longest message kept; longer ones end in an ellipsis. */
    public static final int MAX_LENGTH = 4000;

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

    /**
     * {@code text} as one line of a log that third parties read: at most {@link #MAX_LENGTH}
     * characters, line breaks escaped (an app must not forge lines of its own), anything that looks
     * like a token masked (apps happily log {@code params} or {@code state}, and exception messages
     * quote them). Hosts mask what else they put beside app lines the same way.
     */
    public static String mask(Object text) {
        String s = String.valueOf(text);
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH) + "…";
        }
        s = s.replace("\r", "\\r").replace("\n", "\\n");
        return SECRET.matcher(s).replaceAll("$1***");
    }

    public enum Level { TRACE, DEBUG, INFO, WARN, ERROR }
}
