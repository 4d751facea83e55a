package hearth.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instants stored and read back exactly, on H2 and PostgreSQL, whatever the JVM's time zone: the
 * hour a clock in Berlin shows twice when summer time ends is two instants, read as two.
 */
class TimesTest {

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void anInstantComesBackAsItWasStoredInTheHourThatHappensTwice(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        // 02:30 summer time and 02:30 winter time in Berlin on 2026-10-25, and an instant with microseconds.
        List<Instant> instants = List.of(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T01:30:00Z"),
                Instant.parse("2026-03-29T01:15:00.123456Z"));
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        try {
            for (int i = 0; i < instants.size(); i++) {
                String id = db.installation();
                db.jdbc().sql("UPDATE installation SET last_used_at = ? WHERE id = ?")
                        .params(Times.db(instants.get(i)), id).update();
                Instant stored = instants.get(i);
                // On one connection, as text and then (pgjdbc prepares on the server from the fifth use) binary.
                db.transactions().executeWithoutResult(tx -> {
                    for (int read = 0; read < 7; read++) {
                        Instant back = db.jdbc().sql("SELECT last_used_at FROM installation WHERE id = ?").param(id)
                                .query((rs, n) -> Times.instant(rs, "last_used_at")).single();
                        assertThat(back).as("read %d of %s", read, stored).isEqualTo(stored);
                    }
                });
            }
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
