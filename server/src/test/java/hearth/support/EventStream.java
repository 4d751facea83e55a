package hearth.support;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A Server-Sent Events reader over a real HTTP connection, as a browser's EventSource reads one:
 * {@code id:}, {@code event:} and {@code data:} fields up to a blank line make an event; comments
 * are skipped. Closing it ends the request.
 */
public final class EventStream implements AutoCloseable {
    public record Event(String id, String name, String data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Iterator<String> lines = response.body().iterator();
        this.reader = new Thread(() -> read(lines), "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code path} with {@code Accept: text/event-stream} and the given headers. */
    public static EventStream open(Http http, String path, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Accept";
        all[1] = "text/event-stream";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return new EventStream(http.lines(path, all));
    }

    public HttpResponse<Stream<String>> response() {
        return response;
    }

    /** The next event, waiting at most {@code timeout}; fails when none came. */
    public Event next(Duration timeout) {
        try {
            Event e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                throw new AssertionError("no event came within " + timeout);
            }
            return e;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The events up to and with the first that {@code last} accepts, each waited for at most {@code timeout}. */
    public List<Event> until(Predicate<Event> last, Duration timeout) {
        List<Event> seen = new ArrayList<>();
        while (true) {
            Event e = next(timeout);
            seen.add(e);
            if (last.test(e)) {
                return seen;
            }
        }
    }

    private void read(Iterator<String> lines) {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try {
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    name = null;
                    data = null;
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed: the reader ends
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
