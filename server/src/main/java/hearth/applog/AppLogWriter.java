package hearth.applog;

import hearth.engine.api.LogLine.Level;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The app log's one writer, off every call's path: {@link #write} only offers the line to a
 * bounded queue, and one thread stores what it takes in batches. When the queue is full the line
 * is dropped and counted per SmartApp; once there is room, one line says how many went. After each
 * batch the SmartApps it wrote to are cut back to their newest {@code max-lines} (the count is
 * kept here, asked of the database once per SmartApp and again every {@link #RECOUNT}, since other
 * nodes may write to the same table); lines older than {@code max-age} go every {@link #AGE_SWEEP}.
 */
@Component
public class AppLogWriter implements AppLogSink {
    private static final Logger log = LoggerFactory.getLogger(AppLogWriter.class);
    private static final int BATCH = 500;
    static final Duration AGE_SWEEP = Duration.ofMinutes(5);
    static final Duration RECOUNT = Duration.ofMinutes(1);

    private final AppLogRepository repository;
    private final AppLogProperties properties;
    private final Clock clock;
    private final BlockingQueue<AppLogEntry> queue;
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    /** Lines taken into the queue, and of those the ones the writer is done with (stored or not). */
    private final AtomicLong accepted = new AtomicLong();
    private long done;
    private final Object doneLock = new Object();
    /** What the writer believes each SmartApp has stored; only the writer thread touches it. */
    private final Map<String, Long> counts = new HashMap<>();
    private Instant countedAt = Instant.EPOCH;
    private Instant sweptAt = Instant.EPOCH;
    private final Thread thread;
    private volatile boolean stopping;

    public AppLogWriter(AppLogRepository repository, AppLogProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(properties.queue());
        this.thread = new Thread(this::serve, "hearth-app-log");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void write(AppLogEntry entry) {
        if (queue.offer(entry)) {
            accepted.incrementAndGet();
        } else {
            dropped.computeIfAbsent(entry.smartAppId(), k -> new LongAdder()).increment();
        }
    }

    /**
     * Waits (at most {@code timeout}) until every line offered before this call has been handled,
     * so a reader sees what the calls it made already wrote. False when the time ran out.
     */
    public boolean awaitWritten(Duration timeout) throws InterruptedException {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (doneLock) {
            while (done < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(doneLock, left);
            }
        }
        return true;
    }

    private void serve() {
        List<AppLogEntry> batch = new ArrayList<>(BATCH);
        while (!stopping || !queue.isEmpty()) {
            try {
                AppLogEntry first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                }
                int taken = batch.size();
                batch.addAll(dropNotices());
                if (!batch.isEmpty()) {
                    store(batch);
                }
                sweep();
                synchronized (doneLock) {
                    done += taken;
                    doneLock.notifyAll();
                }
            } catch (InterruptedException e) {
                if (!stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (RuntimeException e) {
                log.warn("the app log writer failed: {}", e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    /** One line per SmartApp whose lines were dropped since the last notice. */
    private List<AppLogEntry> dropNotices() {
        List<AppLogEntry> notices = new ArrayList<>();
        for (Map.Entry<String, LongAdder> e : dropped.entrySet()) {
            long n = e.getValue().sumThenReset();
            if (n > 0) {
                notices.add(new AppLogEntry(0, null, clock.instant(), e.getKey(), null, Level.WARN,
                        AppLogEntry.Kind.DROPPED, n + " lines of the app log were dropped: they came faster than "
                        + "the server could store them", null, Map.of("dropped", n)));
            }
        }
        return notices;
    }

    private void store(List<AppLogEntry> batch) {
        try {
            repository.insert(batch);
        } catch (RuntimeException e) {
            // the database is down or refuses: these lines are lost, calls go on
            log.warn("{} app log lines could not be stored: {}", batch.size(), e.toString());
            return;
        }
        Instant now = clock.instant();
        if (now.isAfter(countedAt.plus(RECOUNT))) {
            counts.clear();
            countedAt = now;
        }
        Set<String> apps = new LinkedHashSet<>();
        for (AppLogEntry e : batch) {
            apps.add(e.smartAppId());
        }
        for (String app : apps) {
            Long known = counts.get(app);
            long count = known == null ? repository.count(app)
                    : known + batch.stream().filter(e -> e.smartAppId().equals(app)).count();
            if (count > properties.maxLines()) {
                repository.keepNewest(app, properties.maxLines());
                count = properties.maxLines();
            }
            counts.put(app, count);
        }
    }

    private void sweep() {
        Instant now = clock.instant();
        if (now.isBefore(sweptAt.plus(AGE_SWEEP))) {
            return;
        }
        sweptAt = now;
        try {
            if (repository.deleteOlderThan(now.minus(properties.maxAge())) > 0) {
                counts.clear();
            }
        } catch (RuntimeException e) {
            log.warn("old app log lines could not be deleted: {}", e.toString());
        }
    }

    /** Lets the writer store what is queued, then stops it. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }
}
