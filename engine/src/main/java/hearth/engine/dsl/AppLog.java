package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Pattern;

/**
 * {@code log} in a SmartApp: slf4j logger {@code hearth.smartapp}, every line tagged with the
 * Installation id. Anything that looks like a token is masked, since apps happily log
 * {@code params} or {@code state} and those may hold one.
 */
@SmartAppApi
public final class AppLog {
    private static final Logger LOG = LoggerFactory.getLogger("hearth.smartapp");
    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:access_token|accessToken|refresh_token|client_secret|authorization)[\"']?\\s*[:=]\\s*[\"']?)([^\\s,&\"'}\\]]+)");
    private static final int MAX_LENGTH = 4000;
    /** Lines one call may log; a loop that logs must not flood the server's log. */
    static final int MAX_LINES = 200;

    private final String installationId;
    private int lines;

    public AppLog(String installationId) {
        this.installationId = installationId;
    }

    @SmartAppApi
    public void trace(Object message) {
        if (LOG.isTraceEnabled() && allowed()) {
            LOG.trace("[{}] {}", installationId, clean(message));
        }
    }

    @SmartAppApi
    public void debug(Object message) {
        if (LOG.isDebugEnabled() && allowed()) {
            LOG.debug("[{}] {}", installationId, clean(message));
        }
    }

    @SmartAppApi
    public void info(Object message) {
        if (allowed()) {
            LOG.info("[{}] {}", installationId, clean(message));
        }
    }

    @SmartAppApi
    public void warn(Object message) {
        if (allowed()) {
            LOG.warn("[{}] {}", installationId, clean(message));
        }
    }

    @SmartAppApi
    public void error(Object message) {
        if (allowed()) {
            LOG.error("[{}] {}", installationId, clean(message));
        }
    }

    @SmartAppApi
    public void error(Object message, Throwable t) {
        if (!allowed()) {
            return;
        }
        LOG.error("[{}] {} ({}: {})", installationId, clean(message), t.getClass().getSimpleName(),
                clean(t.getMessage()));
    }

    @SmartAppApi
    public void warn(Object message, Throwable t) {
        if (!allowed()) {
            return;
        }
        LOG.warn("[{}] {} ({}: {})", installationId, clean(message), t.getClass().getSimpleName(),
                clean(t.getMessage()));
    }

    @SmartAppApi
    public void debug(Object message, Throwable t) {
        debug(message + " (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")");
    }

    @SmartAppApi
    public void info(Object message, Throwable t) {
        info(message + " (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")");
    }

    @SmartAppApi
    public void trace(Object message, Throwable t) {
        trace(message + " (" + t.getClass().getSimpleName() + ": " + t.getMessage() + ")");
    }

    /** One line more for this call, or false (after saying so once) when it has logged enough. */
    private boolean allowed() {
        lines++;
        if (lines == MAX_LINES + 1) {
            LOG.warn("[{}] this call logged {} lines; the rest of its log is dropped", installationId, MAX_LINES);
        }
        return lines <= MAX_LINES;
    }

    /** Whether this call's further lines are dropped; for tests. */
    boolean dropping() {
        return lines >= MAX_LINES;
    }

    /** Masks token-like values; package-visible for tests. */
    static String clean(Object message) {
        String s = String.valueOf(message);
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH) + "…";
        }
        // one log line per message: an app must not forge lines of its own
        s = s.replace("\r", "\\r").replace("\n", "\\n");
        return SECRET.matcher(s).replaceAll("$1***");
    }
}
