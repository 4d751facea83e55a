package hearth.installation;

import hearth.HearthProperties;
import hearth.support.Times;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The classic per-Installation execution limit (250 executions in 60 seconds by default): API
 * calls, subscribed events and schedules all count, so an app that loops on its own events stops
 * itself.
 *
 * <p>Counted in the database, so every node of a Server counts the same window: the window and
 * the number of executions handed out live in {@code rate_window}. A node reserves executions in
 * chunks (up to {@value #MAX_CHUNK}, smaller as the window fills, one at a time near the limit)
 * and spends them from memory, so a busy Installation costs one short write per chunk, not one per
 * call. The first chunk of a window, where this node knows of no open one (an Installation called
 * less often than once a window, as most are on a big Server), is one statement that opens a new
 * window only if the stored one is over, outside any transaction; only when another node has the
 * window open does the node read the row under its lock. The limit is never exceeded, however many
 * nodes; an execution reserved by a node that then gets no more calls in the window is lost for the
 * window, so with several nodes an Installation may be refused a few executions early (at most one
 * chunk per other node).
 */
@Component
public class ExecutionLimiter {
    static final int MAX_CHUNK = 25;
    private static final int MAX_TRACKED = 200_000;

    private static final String READ = "SELECT window_ends, reserved FROM rate_window WHERE installation_id = ? "
            + "FOR UPDATE";
    private static final String UPDATE = "UPDATE rate_window SET window_ends = ?, reserved = ? "
            + "WHERE installation_id = ?";
    /**
     * Opens a new window with its first chunk: over a stored window that is over, or as the first row
     * (SQL:2008 MERGE, H2 and PostgreSQL 15+); changes nothing when the stored window is still open.
     */
    private static final String OPEN = "MERGE INTO rate_window w USING (VALUES (CAST(? AS VARCHAR(36)), "
            + "CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS INT))) AS s (installation_id, window_ends, reserved) "
            + "ON w.installation_id = s.installation_id "
            + "WHEN MATCHED AND w.window_ends <= ? THEN UPDATE SET window_ends = s.window_ends, reserved = s.reserved "
            + "WHEN NOT MATCHED THEN INSERT (installation_id, window_ends, reserved) "
            + "VALUES (s.installation_id, s.window_ends, s.reserved)";
    private static final String FORGET = "DELETE FROM rate_window WHERE window_ends < ?";

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate noTransaction;
    private final Map<String, Local> windows = new ConcurrentHashMap<>();

    @Autowired
    public ExecutionLimiter(HearthProperties properties, Clock clock, JdbcClient jdbc,
                            PlatformTransactionManager transactions) {
        this(properties.rateLimit().executions(), properties.rateLimit().window(), clock, jdbc, transactions);
    }

    ExecutionLimiter(int limit, Duration window, Clock clock, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Never inside the caller's transaction: the row lock is held only for the reservation.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // One statement that commits by itself, whatever the caller's transaction does afterwards.
        this.noTransaction = new TransactionTemplate(transactions);
        this.noTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /** Counts one execution; the answer says whether it may run, and what the headers report. */
    public Decision acquire(String installationId) {
        Instant now = clock.instant();
        if (windows.size() > MAX_TRACKED) {
            windows.entrySet().removeIf(e -> !now.isBefore(e.getValue().ends));
        }
        Local local = windows.computeIfAbsent(installationId, id -> new Local());
        synchronized (local) {
            boolean windowOpen = local.ends != null && now.isBefore(local.ends);
            // Spent here and handed out everywhere: refused without asking the database again.
            boolean exhausted = windowOpen && local.used >= local.granted && local.reservedEverywhere >= limit;
            if (!exhausted && (!windowOpen || local.used >= local.granted)) {
                reserve(installationId, local, now);
            }
            boolean allowed = local.used < local.granted;
            if (allowed) {
                local.used++;
            }
            // Executions handed out across nodes, less those this node holds unspent.
            int current = local.reservedEverywhere - (local.granted - local.used) + (allowed ? 0 : 1);
            long ttl = Math.max(1, Duration.between(now, local.ends).toSeconds());
            return new Decision(allowed, limit, current, ttl);
        }
    }

    private void reserve(String installationId, Local local, Instant now) {
        Reservation r = local.ends == null || !now.isBefore(local.ends)
                ? noTransaction.execute(status -> unlessRaced(() -> open(installationId, now))) : null;
        if (r == null) {
            r = unlessRaced(() -> ownTransaction.execute(status -> reserveInDatabase(installationId, now)));
        }
        if (r == null) {
            // Another node made the row first: reserve in the window it opened.
            r = ownTransaction.execute(status -> reserveInDatabase(installationId, now));
        }
        if (!r.ends().equals(local.ends)) {
            local.ends = r.ends();
            local.granted = 0;
            local.used = 0;
        }
        local.granted += r.taken();
        local.reservedEverywhere = r.reserved();
    }

    /**
     * {@link #OPEN}, in one statement: a new window and its first chunk if the stored window is over or
     * there is none; null if a window is open (then {@link #reserveInDatabase} reserves in it).
     */
    private Reservation open(String installationId, Instant now) {
        Instant ends = now.plus(window).truncatedTo(ChronoUnit.MILLIS);
        int take = chunk(limit);
        boolean opened = jdbc.sql(OPEN).params(installationId, Times.db(ends), take, Times.db(now)).update() == 1;
        return opened ? new Reservation(ends, take, take) : null;
    }

    /** What {@code reservation} answers; null if another node made the first row at the same moment. */
    private static Reservation unlessRaced(Supplier<Reservation> reservation) {
        try {
            return reservation.get();
        } catch (DuplicateKeyException raced) {
            return null;
        }
    }

    private Reservation reserveInDatabase(String installationId, Instant now) {
        Optional<Reservation> row = jdbc.sql(READ).param(installationId)
                .query((rs, n) -> new Reservation(Times.instant(rs, "window_ends"), rs.getInt("reserved"), 0))
                .optional();
        if (row.isEmpty() || !now.isBefore(row.get().ends())) {
            // over under this lock, or never made: a new window (null if another node's row appeared meanwhile)
            return open(installationId, now);
        }
        int take = chunk(limit - row.get().reserved());
        if (take > 0) {
            jdbc.sql(UPDATE).params(Times.db(row.get().ends()), row.get().reserved() + take, installationId).update();
        }
        return new Reservation(row.get().ends(), row.get().reserved() + take, take);
    }

    /** How many to take of what is left: big while plenty is left, one at a time near the end. */
    static int chunk(int remaining) {
        if (remaining <= 0) {
            return 0;
        }
        return Math.max(1, Math.min(MAX_CHUNK, remaining / 8));
    }

    /** Windows long over mean nothing; any node may delete them. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void forget() {
        jdbc.sql(FORGET).param(Times.db(clock.instant().minus(Duration.ofHours(1)))).update();
    }

    private static final class Local {
        Instant ends;
        int granted;
        int used;
        int reservedEverywhere;
    }

    private record Reservation(Instant ends, int reserved, int taken) {
    }

    /** {@code X-RateLimit-Limit}, {@code X-RateLimit-Current} and {@code X-RateLimit-TTL} (seconds). */
    public record Decision(boolean allowed, int limit, int current, long ttlSeconds) {
    }
}
