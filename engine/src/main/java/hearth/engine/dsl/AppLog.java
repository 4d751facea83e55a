package hearth.engine.dsl;

import hearth.engine.api.LogLine;
import hearth.engine.api.LogLine.Level;
import hearth.engine.sandbox.SmartAppApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;

/**
 * {@code log} in a SmartApp. In a call, each line becomes a {@link LogLine} of the call's effects,
 * which the host writes (as slf4j logger {@code hearth.smartapp}, tagged with the Installation id);
 * at registration, lines go to that logger at once. Anything that looks like a token is masked,
 * since apps happily log {@code params} or {@code state} and those may hold one. Every level is
 * kept for the call's effects (the app's developer reads them in the app log); the server's own
 * log shows trace and debug lines only when that logger is enabled for them.
 */
@SmartAppApi
public final class AppLog {
    private static final Logger LOG = LoggerFactory.getLogger("hearth.smartapp");
    /** Lines one call may log; a loop that logs must not flood the server's log. */
    static final int MAX_LINES = 200;

    private final Consumer<LogLine> sink;
    /** Whether the line about dropped lines waits for the end of the call ({@link #dropLine()}). */
    private final boolean counted;
    private int lines;

    /** Writes each line at once, tagged with {@code installationId} (registration; tests). */
    public AppLog(String installationId) {
        this.sink = line -> line.writeTo(LOG, installationId);
        this.counted = false;
    }

    /** Keeps the lines of one call in {@code lines}, for its effects. */
    public AppLog(List<LogLine> lines) {
        this.sink = lines::add;
        this.counted = true;
    }

    @SmartAppApi
    public void trace(Object message) {
        if (allowed()) {
            emit(Level.TRACE, clean(message));
        }
    }

    @SmartAppApi
    public void debug(Object message) {
        if (allowed()) {
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
        if (lines == MAX_LINES + 1 && !counted) {
            emit(Level.WARN, "this call logged " + MAX_LINES + " lines; the rest of its log is dropped");
        }
        return lines <= MAX_LINES;
    }

    /**
     * For a call's log, at its end: the one line saying how many lines past {@link #MAX_LINES}
     * were dropped, or null when none were.
     */
    public LogLine dropLine() {
        if (lines <= MAX_LINES) {
            return null;
        }
        return new LogLine(Level.WARN, "this call logged " + lines + " lines; " + (lines - MAX_LINES)
                + " were dropped (at most " + MAX_LINES + " a call are kept)");
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
        return LogLine.mask(message);
    }
}
