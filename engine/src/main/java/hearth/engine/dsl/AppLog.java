package hearth.engine.dsl;

import hearth.engine.api.LogLine;
import hearth.engine.api.LogLine.Level;
import hearth.engine.sandbox.SmartAppApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code log} in a SmartApp. In a call, each line becomes a {@link LogLine} of the call's effects,
 * which the host writes (as slf4j logger {@code hearth.smartapp}, tagged with the Installation id);
 * at registration, lines go to that logger at once. Anything that looks like a token is masked,
 * since apps happily log {@code params} or {@code state} and those may hold one. Trace and debug
 * lines are kept only when that logger is enabled for them.
 */
@SmartAppApi
public final class AppLog {
    private static final Logger LOG = LoggerFactory.getLogger("hearth.smartapp");
    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:access_token|accessToken|refresh_token|client_secret|authorization)[\"']?\\s*[:=]\\s*[\"']?)([^\\s,&\"'}\\]]+)");
    private static final int MAX_LENGTH = 4000;
    /** Lines one call may log; a loop that logs must not flood the server's log. */
    static final int MAX_LINES = 200;

    private final Consumer<LogLine> sink;
    private int lines;

    /** Writes each line at once, tagged with {@code installationId} (registration; tests). */
    public AppLog(String installationId) {
        this.sink = line -> line.writeTo(LOG, installationId);
    }

    /** Keeps the lines of one call in {@code lines}, for its effects. */
    public AppLog(List<LogLine> lines) {
        this.sink = lines::add;
    }

    @SmartAppApi
    public void trace(Object message) {
        if (LOG.isTraceEnabled() && allowed()) {
            emit(Level.TRACE, clean(message));
        }
    }

    @SmartAppApi
    public void debug(Object message) {
        if (LOG.isDebugEnabled() && allowed()) {
            emit(Level.DEBUG, clean(message));
        }
    }

    @SmartAppApi
    public void info(Object message) {
        if (allowed()) {
            emit(Level.INFO, clean(message));
        }
    }

    @SmartAppApi
    public void warn(Object message) {
        if (allowed()) {
            emit(Level.WARN, clean(message));
        }
    }

    @SmartAppApi
    public void error(Object message) {
        if (allowed()) {
            emit(Level.ERROR, clean(message));
        }
    }

    @SmartAppApi
    public void error(Object message, Throwable t) {
        if (!allowed()) {
            return;
        }
        emit(Level.ERROR, clean(message) + " (" + t.getClass().getSimpleName() + ": " + clean(t.getMessage()) + ")");
    }

    @SmartAppApi
    public void warn(Object message, Throwable t) {
        if (!allowed()) {
            return;
        }
        emit(Level.WARN, clean(message) + " (" + t.getClass().getSimpleName() + ": " + clean(t.getMessage()) + ")");
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
            emit(Level.WARN, "this call logged " + MAX_LINES + " lines; the rest of its log is dropped");
        }
        return lines <= MAX_LINES;
    }

    private void emit(Level level, String message) {
        sink.accept(new LogLine(level, message));
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
