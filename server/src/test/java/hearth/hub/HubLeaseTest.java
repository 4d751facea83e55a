package hearth.hub;

import hearth.support.Leases;
import hearth.support.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub's connection lease as two nodes use it over one real database (H2 and PostgreSQL): one
 * holder at a time, renewed only by its holder, taken over once it runs out, gone with its hub.
 */
class HubLeaseTest {
    private static final Duration LEASE = Duration.ofSeconds(15);
    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void hubLeaseWhenTwoNodesTryThenOneHoldsItUntilItRunsOut(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        Leases leases = new Leases(db.jdbc(), "hub_lease", "hub_id");
        String hub = db.hub(NOW);
        assertThat(leases.holder(hub, NOW)).isEmpty();
        assertThat(leases.take(hub, "a/1", NOW, NOW.plus(LEASE))).isTrue();
        assertThat(leases.take(hub, "b/1", NOW, NOW.plus(LEASE))).as("held by a").isFalse();
        assertThat(leases.renew(hub, "b/1", NOW.plus(LEASE))).as("b can't renew a's lease").isFalse();
        assertThat(leases.holder(hub, NOW.plusSeconds(10))).hasValue("a/1");
        assertThat(leases.renew(hub, "a/1", NOW.plusSeconds(5).plus(LEASE))).isTrue();
        // a dies: its lease runs out, b takes the hub over, and a's late renewal fails.
        Instant later = NOW.plusSeconds(5).plus(LEASE).plusMillis(1);
        assertThat(leases.holder(hub, later)).isEmpty();
        assertThat(leases.take(hub, "b/1", later, later.plus(LEASE))).isTrue();
        assertThat(leases.renew(hub, "a/1", later.plus(LEASE))).isFalse();
        assertThat(leases.holder(hub, later)).hasValue("b/1");
    }

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void hubLeaseWhenTheHubGoesOrItsNodeRestartsThenNobodyHoldsIt(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        Leases leases = new Leases(db.jdbc(), "hub_lease", "hub_id");
        String hub = db.hub(NOW);
        String other = db.hub(NOW);
        assertThat(leases.take(hub, "host:8080/life1", NOW, NOW.plus(LEASE))).isTrue();
        assertThat(leases.take(other, "host:8080/life1", NOW, NOW.plus(LEASE))).isTrue();
        // Restarted at the same place: its earlier life's leases are free at once, not after they run out.
        assertThat(leases.release("host:8080/%")).isEqualTo(2);
        assertThat(leases.take(hub, "host:8081/x", NOW, NOW.plus(LEASE))).isTrue();
        db.jdbc().sql("DELETE FROM hub WHERE id = ?").param(hub).update();
        assertThat(leases.holder(hub, NOW)).as("the lease went with its hub").isEmpty();
        assertThat(leases.take(hub, "host:8081/x", NOW, NOW.plus(LEASE))).as("no hub, nothing to hold").isFalse();
    }
}
