package hearth.installation;

import hearth.support.MigratedDatabase;
import hearth.support.Times;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Last uses noted by several nodes and written in batches, on H2 and PostgreSQL. */
class LastUseTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void aNodeWritingLateNeverMovesALastUseBack(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        LastUse first = new LastUse(new JdbcTemplate(db.dataSource()));
        LastUse second = new LastUse(new JdbcTemplate(db.dataSource()));
        String id = db.installation();

        first.note(id, null, NOW);
        second.note(id, null, NOW.plusSeconds(20));
        assertThat(lastUse(db, id)).as("noted, not yet written").isNull();
        assertThat(second.flush()).isEqualTo(1);
        assertThat(first.flush()).isEqualTo(1);

        assertThat(lastUse(db, id)).isEqualTo(NOW.plusSeconds(20));
        assertThat(first.flush()).as("written once").isZero();
    }

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void aLastUseStoredWithinTheMinuteIsNotNotedAgain(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        LastUse node = new LastUse(new JdbcTemplate(db.dataSource()));
        String id = db.installation();

        node.note(id, NOW, NOW.plusSeconds(59));
        assertThat(node.flush()).isZero();
        node.note(id, NOW, NOW.plusSeconds(61));
        assertThat(node.flush()).isEqualTo(1);
        assertThat(lastUse(db, id)).isEqualTo(NOW.plusSeconds(61));
    }

    private static Instant lastUse(MigratedDatabase db, String id) {
        return db.jdbc().sql("SELECT last_used_at FROM installation WHERE id = ?").param(id)
                .query((rs, n) -> Times.instant(rs, 1)).list().get(0);
    }
}
