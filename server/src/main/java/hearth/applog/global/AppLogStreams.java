package hearth.applog.global;

import hearth.applog.AppLogEntry;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET /api/smartapps/{id}/logs/stream}: the app log as Server-Sent Events. Each stream
 * reads on from its cursor every {@link #POLL} (the lines live on whichever Servers host the
 * Installations, so the stream asks them, as a reader with a cursor would), and each event's id
 * is the cursor just after its line: an EventSource that reconnects sends it back as
 * {@code Last-Event-ID} and misses nothing, nor gets anything twice.
 */
@Component
class AppLogStreams {
    private static final Logger log = LoggerFactory.getLogger(AppLogStreams.class);
    static final Duration POLL = Duration.ofMillis(500);
    static final Duration TIMEOUT = Duration.ofMinutes(15);
    /** A comment this often, so a stream whose reader left is noticed and closed. */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** Open streams per account; a further one closes the oldest. */
    static final int MAX_STREAMS = 10;
    /** Pages read at most per poll. */
    static final int CATCH_UP_PAGES = 5;

    private final AppLogService logs;
    private final ScheduledExecutorService polls = Executors.newScheduledThreadPool(2, runnable -> {
        Thread t = new Thread(runnable, "hearth-app-log-stream");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<Stream>> open = new ConcurrentHashMap<>();

    AppLogStreams(AppLogService logs) {
        this.logs = logs;
    }

    /**
     * Opens a stream for {@code accountId}'s SmartApp. With {@code lastEventId} (or a cursor) it
     * goes on from there; without, it starts with the newest {@code request.limit()} lines.
     * Ownership is checked here, before anything is sent.
     */
    SseEmitter open(String accountId, String smartAppId, AppLogService.Request request) {
        AppLogService.Page first = logs.read(accountId, smartAppId, request);
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        Stream stream = new Stream(accountId, smartAppId, request, emitter);
        List<Stream> mine = open.computeIfAbsent(accountId, id -> new java.util.concurrent.CopyOnWriteArrayList<>());
        mine.add(stream);
        while (mine.size() > MAX_STREAMS) {
            mine.remove(0).close();
        }
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(e -> stream.close());
        try {
            emitter.send(SseEmitter.event().comment("app log").reconnectTime(2000));
            stream.send(first);
        } catch (IOException | IllegalStateException e) {
            stream.close();
            return emitter;
        }
        stream.task = polls.scheduleWithFixedDelay(stream::poll, POLL.toMillis(), POLL.toMillis(),
                TimeUnit.MILLISECONDS);
        return emitter;
    }

    /** Each line's event id: the cursor right after it, so a reconnect goes on from that very line. */
    static List<String> eventIds(List<AppLogEntry> lines, String cursorAfterAll) {
        LogCursor after = LogCursor.parse(cursorAfterAll);
        Map<String, Long> firstOf = new HashMap<>();
        for (AppLogEntry e : lines) {
            firstOf.merge(e.server(), e.id(), Math::min);
        }
        // Servers with lines in this batch start just before their first one; the others stay where
        // the batch leaves them.
        Map<String, Long> positions = new java.util.LinkedHashMap<>(after.positions());
        firstOf.forEach((server, first) -> positions.put(server, first - 1));
        LogCursor running = new LogCursor(positions);
        List<String> ids = new ArrayList<>();
        for (AppLogEntry e : lines) {
            running = running.with(e.server(), e.id());
            ids.add(running.toString());
        }
        return ids;
    }

    @PreDestroy
    void stop() {
        polls.shutdownNow();
        open.values().forEach(list -> list.forEach(Stream::close));
    }

    int openStreams(String accountId) {
        return open.getOrDefault(accountId, List.of()).size();
    }

    private final class Stream {
        final String accountId;
        final String smartAppId;
        final SseEmitter emitter;
        volatile AppLogService.Request request;
        volatile ScheduledFuture<?> task;
        volatile boolean closed;
        long lastSent = System.nanoTime();
        private final AtomicInteger failures = new AtomicInteger();

        Stream(String accountId, String smartAppId, AppLogService.Request request, SseEmitter emitter) {
            this.accountId = accountId;
            this.smartAppId = smartAppId;
            this.request = request;
            this.emitter = emitter;
        }

        void poll() {
            if (closed) {
                return;
            }
            try {
                // a reader behind (a flood) catches up a few pages at a time, without holding the thread
                for (int page = 0; page < CATCH_UP_PAGES; page++) {
                    AppLogService.Page read = logs.read(accountId, smartAppId, request);
                    send(read);
                    if (read.lines().size() < request.limit()) {
                        break;
                    }
                }
                if (System.nanoTime() - lastSent > HEARTBEAT.toNanos()) {
                    emitter.send(SseEmitter.event().comment("still here"));
                    lastSent = System.nanoTime();
                }
                failures.set(0);
            } catch (IOException | IllegalStateException gone) {
                close();
            } catch (RuntimeException e) {
                // the SmartApp was deleted, the database hiccupped: a few tries, then the reader reconnects
                if (failures.incrementAndGet() > 5) {
                    log.debug("an app log stream of SmartApp {} ends: {}", smartAppId, e.toString());
                    emitter.complete();
                    close();
                }
            }
        }

        void send(AppLogService.Page page) throws IOException {
            List<String> ids = eventIds(page.lines(), page.cursor());
            for (int i = 0; i < page.lines().size(); i++) {
                emitter.send(SseEmitter.event().id(ids.get(i)).name("line")
                        .data(AppLogController.view(page.lines().get(i)), MediaType.APPLICATION_JSON));
            }
            if (!page.lines().isEmpty()) {
                lastSent = System.nanoTime();
            }
            request = request.withCursor(page.cursor());
        }

        void close() {
            closed = true;
            ScheduledFuture<?> t = task;
            if (t != null) {
                t.cancel(false);
            }
            open.computeIfPresent(accountId, (id, list) -> {
                list.remove(this);
                return list.isEmpty() ? null : list;
            });
        }
    }
}
