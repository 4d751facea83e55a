package hearth.applog;

import hearth.applog.AppLogEntry.Kind;
import hearth.engine.api.AppEvent;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.LogLine;
import hearth.engine.api.LogLine.Level;
import hearth.engine.api.OutboundRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app log's lines, made from what the engine reports. Only what is safe for the app's
 * developer goes in: messages masked, a failure's frames only where they are in the app's own
 * source (no host classes, no paths), an outbound request's method, host, status and duration.
 */
public final class AppLogEntries {
    /** The engine names every class it compiles from app source so (closures add {@code $...}). */
    private static final String APP_CLASS_PREFIX = "SmartApp_";
    private static final int MAX_FRAMES = 20;
    private static final List<String> LIMIT_TYPES = List.of("ExecutionTimeoutException",
            "MemoryLimitExceededException");

    private final String smartAppId;
    private final String installationId;
    private final Instant time;

    /** Lines of one call of one Installation, stamped {@code time}. */
    public AppLogEntries(String smartAppId, String installationId, Instant time) {
        this.smartAppId = smartAppId;
        this.installationId = installationId;
        this.time = time;
    }

    public AppLogEntry log(LogLine line) {
        return entry(line.level(), Kind.LOG, line.message(), null, Map.of());
    }

    public AppLogEntry outbound(OutboundRequest r) {
        String outcome = r.error() != null ? r.error() : String.valueOf(r.status());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("method", r.method());
        detail.put("host", r.host());
        detail.put("status", r.status());
        detail.put("error", r.error());
        detail.put("ms", r.millis());
        Level level = r.error() != null || r.status() >= 400 ? Level.WARN : Level.DEBUG;
        return entry(level, Kind.HTTP, r.method() + " " + r.scheme() + "://" + r.host()
                + (r.port() < 0 ? "" : ":" + r.port()) + " → " + outcome + " (" + r.millis() + " ms)", null, detail);
    }

    public AppLogEntry lifecycle(String event, long millis) {
        return entry(Level.INFO, Kind.LIFECYCLE, event + "() ran (" + millis + " ms)", null,
                Map.of("handler", event, "ms", millis));
    }

    public AppLogEntry event(String handler, AppEvent event, long millis) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("handler", handler);
        detail.put("device", event.deviceId());
        detail.put("deviceName", event.displayName() == null ? null : LogLine.mask(event.displayName()));
        detail.put("attribute", event.name());
        detail.put("value", event.value() == null ? null : LogLine.mask(event.value()));
        detail.put("ms", millis);
        String from = event.deviceId() == null ? "location" : event.displayName() == null ? event.deviceId()
                : event.displayName();
        return entry(Level.DEBUG, Kind.EVENT, LogLine.mask(from + " " + event.name() + " = " + event.value()
                + " → " + handler + " (" + millis + " ms)"), null, detail);
    }

    public AppLogEntry schedule(String handler, long millis) {
        return entry(Level.DEBUG, Kind.SCHEDULE, "scheduled " + handler + "() ran (" + millis + " ms)", null,
                Map.of("handler", handler, "ms", millis));
    }

    /**
     * A call that ended in a failure, under {@code reference}.
     *
     * @param handler the handler or lifecycle method called, or null for an API request (then the
     *                outermost frame in the app's source names it)
     * @param method  for an API request, its method, else null
     * @param path    for an API request, its path without the query string, else null
     */
    public AppLogEntry failure(String reference, String handler, String method, String path,
                               HandlerOutcome.Failure failure) {
        List<StackTraceElement> frames = appFrames(failure.cause());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("type", failure.type());
        detail.put("message", failure.message() == null ? null : LogLine.mask(failure.message()));
        detail.put("handler", handler != null ? handler : frames.isEmpty() ? null
                : frames.get(frames.size() - 1).getMethodName());
        detail.put("method", method);
        detail.put("path", path == null ? null : LogLine.mask(path));
        detail.put("line", frames.isEmpty() ? null : frames.get(0).getLineNumber());
        detail.put("frames", frames.stream().limit(MAX_FRAMES).map(AppLogEntries::frame).toList());
        boolean limit = LIMIT_TYPES.contains(failure.type());
        String where = frames.isEmpty() ? "" : " at line " + frames.get(0).getLineNumber();
        return entry(Level.ERROR, limit ? Kind.LIMIT : Kind.ERROR, LogLine.mask(failure.type()
                + (failure.message() == null ? "" : ": " + failure.message())) + where, reference, detail);
    }

    /** The executions-per-minute limit refused a call (429, or an event or schedule not run). */
    public AppLogEntry rateLimited(String what, int limit) {
        return entry(Level.WARN, Kind.LIMIT, what + " refused: over the limit of " + limit
                + " executions a minute", null, Map.of("limit", limit));
    }

    private AppLogEntry entry(Level level, Kind kind, String message, String reference, Map<String, Object> detail) {
        return new AppLogEntry(0, null, time, smartAppId, installationId, level, kind, message, reference, detail);
    }

    /** The frames of {@code t} in the app's own source, innermost first; none of the host's. */
    static List<StackTraceElement> appFrames(Throwable t) {
        List<StackTraceElement> frames = new ArrayList<>();
        if (t == null) {
            return frames;
        }
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith(APP_CLASS_PREFIX) && e.getLineNumber() > 0) {
                frames.add(e);
            }
        }
        return frames;
    }

    private static String frame(StackTraceElement e) {
        String cls = e.getClassName();
        int closure = cls.indexOf("$_");
        String in = closure < 0 ? e.getMethodName() : "closure in " + cls.substring(closure + 2).replaceAll(
                "_closure\\d+$", "");
        return in + " (line " + e.getLineNumber() + ")";
    }
}
