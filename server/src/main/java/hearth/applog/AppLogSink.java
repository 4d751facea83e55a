package hearth.applog;

/**
 * Where a call's path hands the lines of the app log. It must never block nor throw: logging
 * never slows or fails a call, so a sink that can't keep up drops lines and says how many.
 */
@FunctionalInterface
public interface AppLogSink {
    void write(AppLogEntry entry);
}
