package hearth.installation;

import hearth.support.MigratedDatabase;
import hearth.support.MutableClock;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a window opens: an Installation called less than once a window (most, on a big Server) opens
 * its next window in one statement; nodes racing to open the same window share it; the caller's
 * transaction rolling back gives nothing back. On H2 and PostgreSQL, through Hearth's real schema.
 */
class ExecutionLimiterWindowsTest {
    private static final Duration WINDOW = Duration.ofSeconds(60);

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void anInstallationCalledOnceAWindowOpensItsNextWindowInOneStatement(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        List<String> statements = new CopyOnWriteArrayList<>();
        DataSource counted = counting(db.dataSource(), statements);
        MutableClock clock = new MutableClock();
        ExecutionLimiter node = limiter(counted, clock);
        String id = UUID.randomUUID().toString();

        assertThat(node.acquire(id).allowed()).isTrue();
        assertThat(statements).as("the first window ever: the row made in one statement").hasSize(1);
        statements.clear();
        clock.advance(WINDOW.plusSeconds(1));

        ExecutionLimiter.Decision next = node.acquire(id);
        assertThat(next.allowed()).isTrue();
        assertThat(next.current()).isEqualTo(1);
        assertThat(statements).as("no read of the row, no transaction of several statements").hasSize(1);
        assertThat(statements.get(0)).startsWith("MERGE INTO rate_window");
        assertThat(reserved(db, id)).isEqualTo(ExecutionLimiter.chunk(250));
    }

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void aNodeWhoseFirstCallComesInAnotherNodesWindowReservesInIt(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        MutableClock clock = new MutableClock();
        ExecutionLimiter a = limiter(db.dataSource(), clock);
        ExecutionLimiter b = limiter(db.dataSource(), clock);
        String id = UUID.randomUUID().toString();
        for (int i = 0; i < 200; i++) {
            a.acquire(id);
        }
        clock.advance(Duration.ofSeconds(30));

        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            allowed += b.acquire(id).allowed() ? 1 : 0;
        }
        assertThat(allowed).as("what node a has not reserved of the same window").isBetween(50 - 25, 50);
        assertThat(a.acquire(id).ttlSeconds()).isLessThanOrEqualTo(30);
    }

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void twoNodesRacingToOpenWindowsNeverAllowMoreThanTheLimit(Supplier<MigratedDatabase> database) throws Exception {
        MigratedDatabase db = database.get();
        MutableClock clock = new MutableClock();
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(db.dataSource());
        pool.setMaximumPoolSize(4);
        try (HikariDataSource pooled = new HikariDataSource(pool)) {
            race(db, limiter(pooled, clock), limiter(pooled, clock), clock);
        }
    }

    private static void race(MigratedDatabase db, ExecutionLimiter a, ExecutionLimiter b, MutableClock clock)
            throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        for (int window = 0; window < 2; window++) {
            List<AtomicInteger> allowed = new ArrayList<>();
            ids.forEach(id -> allowed.add(new AtomicInteger()));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Future<?>> done = new ArrayList<>();
            for (ExecutionLimiter node : List.of(a, b)) {
                done.add(threads.submit(() -> {
                    start.await();
                    for (int call = 0; call < 200; call++) {
                        for (int i = 0; i < ids.size(); i++) {
                            if (node.acquire(ids.get(i)).allowed()) {
                                allowed.get(i).incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            threads.shutdown();
            for (int i = 0; i < ids.size(); i++) {
                assertThat(allowed.get(i).get()).as("window %d, Installation %d", window, i)
                        .isBetween(250 - 2 * ExecutionLimiter.MAX_CHUNK, 250);
                assertThat(reserved(db, ids.get(i))).isLessThanOrEqualTo(250);
            }
            clock.advance(WINDOW.plusSeconds(1));
        }
    }

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void theCallersTransactionRollingBackGivesNoExecutionsBack(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        MutableClock clock = new MutableClock();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(db.dataSource());
        ExecutionLimiter node = new ExecutionLimiter(250, WINDOW, clock, JdbcClient.create(db.dataSource()),
                transactions);
        String id = UUID.randomUUID().toString();
        node.acquire(id);
        clock.advance(WINDOW.plusSeconds(1));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(node.acquire(id).allowed()).isTrue();
            status.setRollbackOnly();
        });
        assertThat(reserved(db, id)).as("the new window's chunk, committed on its own").isEqualTo(25);
        assertThat(windowEnds(db, id)).isAfter(clock.instant());
    }

    private static ExecutionLimiter limiter(DataSource db, MutableClock clock) {
        return new ExecutionLimiter(250, WINDOW, clock, JdbcClient.create(db), new DataSourceTransactionManager(db));
    }

    private static int reserved(MigratedDatabase db, String id) {
        return db.jdbc().sql("SELECT reserved FROM rate_window WHERE installation_id = ?").param(id)
                .query(Integer.class).single();
    }

    private static java.time.Instant windowEnds(MigratedDatabase db, String id) {
        return db.jdbc().sql("SELECT window_ends FROM rate_window WHERE installation_id = ?").param(id)
                .query((rs, n) -> hearth.support.Times.instant(rs, 1)).single();
    }

    /** The data source, noting the text of every statement prepared on its connections. */
    private static DataSource counting(DataSource db, List<String> statements) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, db, args);
                    if (result instanceof Connection c) {
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                                new Class<?>[]{Connection.class}, (p, m, a) -> {
                                    if (m.getName().startsWith("prepare")) {
                                        statements.add((String) a[0]);
                                    }
                                    return invoke(m, c, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
