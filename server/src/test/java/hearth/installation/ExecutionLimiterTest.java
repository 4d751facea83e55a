package hearth.installation;

import hearth.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The execution limit counted in a real database by two limiters, as two nodes of one Server. */
class ExecutionLimiterTest {
    private MutableClock clock;
    private ExecutionLimiter nodeA;
    private ExecutionLimiter nodeB;
    private JdbcClient jdbc;

    @BeforeEach
    void twoNodesOverOneDatabase() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:limits-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "sa", "");
        jdbc = JdbcClient.create(db);
        jdbc.sql("CREATE TABLE rate_window (installation_id VARCHAR(36) PRIMARY KEY, "
                + "window_ends TIMESTAMP WITH TIME ZONE NOT NULL, reserved INT NOT NULL)").update();
        clock = new MutableClock();
        nodeA = new ExecutionLimiter(250, Duration.ofSeconds(60), clock, jdbc, new DataSourceTransactionManager(db));
        nodeB = new ExecutionLimiter(250, Duration.ofSeconds(60), clock, jdbc, new DataSourceTransactionManager(db));
    }

    @Test
    void callsAlternatingBetweenTwoNodesAreAllowedExactlyTheLimitOnce() {
        int allowed = 0;
        for (int i = 0; i < 400; i++) {
            if ((i % 2 == 0 ? nodeA : nodeB).acquire("inst").allowed()) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(250);
    }

    @Test
    void twoNodesNeverAllowMoreThanTheLimitWhateverTheMix() {
        int allowed = 0;
        for (int i = 0; i < 600; i++) {
            if ((i % 7 < 5 ? nodeA : nodeB).acquire("inst").allowed()) {
                allowed++;
            }
        }
        assertThat(allowed).isBetween(250 - ExecutionLimiter.MAX_CHUNK, 250);
    }

    @Test
    void aBusyInstallationWritesOncePerChunkNotOncePerCall() {
        for (int i = 0; i < 100; i++) {
            nodeA.acquire("inst");
        }
        int reserved = jdbc.sql("SELECT reserved FROM rate_window WHERE installation_id = 'inst'")
                .query(Integer.class).single();
        assertThat(reserved).isBetween(100, 100 + ExecutionLimiter.MAX_CHUNK);
    }

    @Test
    void overTheLimitTheHeadersSayOneMoreThanTheLimitAndTheNextWindowStartsAfresh() {
        ExecutionLimiter.Decision last = null;
        for (int i = 0; i < 251; i++) {
            last = nodeA.acquire("inst");
        }
        assertThat(last.allowed()).isFalse();
        assertThat(last.current()).isEqualTo(251);
        assertThat(last.ttlSeconds()).isBetween(1L, 60L);
        assertThat(nodeB.acquire("inst").allowed()).isFalse();
        clock.advance(Duration.ofSeconds(61));
        assertThat(nodeB.acquire("inst").allowed()).isTrue();
        assertThat(nodeA.acquire("inst").allowed()).isTrue();
    }

    @Test
    void installationsAreCountedApart() {
        for (int i = 0; i < 250; i++) {
            nodeA.acquire("busy");
        }
        assertThat(nodeA.acquire("busy").allowed()).isFalse();
        assertThat(nodeB.acquire("quiet").allowed()).isTrue();
    }

    @Test
    void chunksShrinkToOneNearTheLimit() {
        assertThat(ExecutionLimiter.chunk(250)).isEqualTo(25);
        assertThat(ExecutionLimiter.chunk(40)).isEqualTo(5);
        assertThat(ExecutionLimiter.chunk(7)).isEqualTo(1);
        assertThat(ExecutionLimiter.chunk(0)).isZero();
    }
}
