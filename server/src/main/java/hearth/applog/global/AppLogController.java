package hearth.applog.global;

import hearth.account.CurrentAccount;
import hearth.applog.AppLogEntry;
import hearth.engine.api.LogLine.Level;
import hearth.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The app log over HTTP: a SmartApp's lines for its developer, what happened behind a reference
 * id (the developer gets the detail, the Installation's owner the summary).
 */
@RestController
public class AppLogController {
    static final int DEFAULT_LIMIT = 100;
    private static final List<String> SUMMARY = List.of("type", "message");

    private final AppLogService logs;
    private final AppLogStreams streams;
    private final CurrentAccount current;

    AppLogController(AppLogService logs, AppLogStreams streams, CurrentAccount current) {
        this.logs = logs;
        this.streams = streams;
        this.current = current;
    }

    /**
     * The same lines live, as Server-Sent Events named {@code line}; each event's id is a cursor,
     * so a reconnect with {@code Last-Event-ID} goes on from the last line seen.
     */
    @GetMapping(path = "/api/smartapps/{id}/logs/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@PathVariable String id, @RequestParam(required = false) String installation,
                             @RequestParam(required = false) String level,
                             @RequestParam(required = false) String since,
                             @RequestParam(required = false) String cursor,
                             @RequestParam(required = false) Integer limit,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return streams.open(current.id(), id, request(installation, level, since,
                lastEventId != null && !lastEventId.isBlank() ? lastEventId : cursor, limit));
    }

    /** {@code {"lines": [...], "cursor": "..."}}, newest last; pass the cursor back for what came after. */
    @GetMapping("/api/smartapps/{id}/logs")
    public Map<String, Object> lines(@PathVariable String id, @RequestParam(required = false) String installation,
                                     @RequestParam(required = false) String level,
                                     @RequestParam(required = false) String since,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(required = false) Integer limit) {
        AppLogService.Page page = logs.read(current.id(), id, request(installation, level, since, cursor, limit));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lines", page.lines().stream().map(AppLogController::view).toList());
        body.put("cursor", page.cursor());
        return body;
    }

    @GetMapping("/api/smartapps/{id}/errors/{reference}")
    public Map<String, Object> failure(@PathVariable String id, @PathVariable String reference) {
        AppLogEntry e = logs.failure(current.id(), id, reference);
        return failureBody(e, e.detail().keySet());
    }

    /** For the owner of the Installation the failing call belonged to: when and what, not where in the code. */
    @GetMapping("/api/installations/{id}/errors/{reference}")
    public Map<String, Object> failureSummary(@PathVariable String id, @PathVariable String reference) {
        return failureBody(logs.failureOfInstallation(current.id(), id, reference), SUMMARY);
    }

    /** When and where a failure happened, then the given keys of its detail (all of them for the developer). */
    private static Map<String, Object> failureBody(AppLogEntry e, Iterable<String> keys) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", e.reference());
        body.put("time", e.time());
        body.put("installationId", e.installationId());
        keys.forEach(key -> body.put(key, e.detail().get(key)));
        return body;
    }

    static AppLogService.Request request(String installation, String level, String since, String cursor,
                                         Integer limit) {
        return new AppLogService.Request(blank(installation) ? null : installation, level(level), instant(since),
                cursor, limit == null ? DEFAULT_LIMIT : limit);
    }

    static Map<String, Object> view(AppLogEntry e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", e.time());
        line.put("installationId", e.installationId());
        line.put("level", e.level().name().toLowerCase(Locale.ROOT));
        line.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
        line.put("message", e.message());
        line.put("reference", e.reference());
        if (!e.detail().isEmpty()) {
            line.put("detail", e.detail());
        }
        return line;
    }

    private static Level level(String level) {
        if (blank(level)) {
            return null;
        }
        try {
            return Level.valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("level must be one of trace, debug, info, warn, error; got '" + level + "'");
        }
    }

    private static Instant instant(String since) {
        if (blank(since)) {
            return null;
        }
        try {
            return Instant.parse(since.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("since must be an ISO-8601 instant such as 2026-12-02T08:00:00Z; got '"
                    + since + "'");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
