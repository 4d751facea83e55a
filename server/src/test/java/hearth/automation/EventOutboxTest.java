package hearth.automation;

import hearth.engine.api.AppEvent;
import hearth.installation.LeaseLost;
import hearth.support.MigratedDatabase;
import hearth.support.NodeIdentity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The event outbox and its per-Installation lease, as two nodes use them over one real database
 * (H2 and PostgreSQL): one node at a time delivers an Installation's events, in order, each leaving
 * the outbox with its handler's effects; a dead node's lease is taken over when it runs out.
 */
class EventOutboxTest {
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
    private static final Map<String, MigratedDatabase> MIGRATED = new ConcurrentHashMap<>();

    static Stream<Supplier<MigratedDatabase>> databases() {
        return Stream.of(() -> MIGRATED.computeIfAbsent("h2", k -> MigratedDatabase.h2()),
                () -> MIGRATED.computeIfAbsent("pg", k -> MigratedDatabase.postgres()));
    }

    record Fixture(MigratedDatabase db, EventOutbox outbox, String installation) {
        void add(String value) {
            outbox.add(installation, "onSwitch", new AppEvent("switch", value, null, "dev", "Lamp", NOW, null));
        }

        String state() {
            return db.jdbc().sql("SELECT state FROM installation WHERE id = ?").param(installation)
                    .query(String.class).optional().orElse(null);
        }

        void deliveredWithEffects(EventOutbox.Waiting event, String claim, String state) {
            db.transactions().executeWithoutResult(tx -> {
                outbox.delivered(event, claim, NOW.plus(LEASE));
                db.jdbc().sql("UPDATE installation SET state = ? WHERE id = ?").params(state, installation).update();
            });
        }
    }

    static Fixture fixture(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        return new Fixture(db, new EventOutbox(db.jdbc()), db.installation());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eventsWaitInTheOrderTheyWereRecordedWithWhatTheHandlerIsGiven(Supplier<MigratedDatabase> database) {
        Fixture f = fixture(database);
        f.add("on");
        AppEvent level = new AppEvent("level", 42L, "%", "dev", "Dimmer", NOW, "set");
        f.outbox().add(f.installation(), "onLevel", level);
        f.add("off");

        assertThat(f.outbox().waiting(1000)).contains(f.installation());
        assertThat(f.outbox().next(f.installation(), 10)).extracting(EventOutbox.Waiting::handler,
                w -> w.event().value()).containsExactly(tuple("onSwitch", "on"), tuple("onLevel", 42L),
                tuple("onSwitch", "off"));
        assertThat(f.outbox().next(f.installation(), 10).get(1).event()).isEqualTo(level);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void oneNodeAtATimeHoldsAnInstallationsEvents(Supplier<MigratedDatabase> database) {
        Fixture f = fixture(database);
        f.add("on");

        assertThat(f.outbox().take(f.installation(), "node-a#1", NOW, NOW.plus(LEASE))).isTrue();
        assertThat(f.outbox().take(f.installation(), "node-b#1", NOW, NOW.plus(LEASE))).isFalse();
        assertThat(f.outbox().take(f.installation(), "node-b#1", NOW.plusSeconds(60), NOW.plus(LEASE))).isFalse();

        f.outbox().letGo(f.installation(), "node-a#1");
        assertThat(f.outbox().take(f.installation(), "node-b#1", NOW, NOW.plus(LEASE))).as("given up").isTrue();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anEventLeavesTheOutboxWithItsHandlersEffects(Supplier<MigratedDatabase> database) {
        Fixture f = fixture(database);
        f.add("on");
        f.outbox().take(f.installation(), "node-a#1", NOW, NOW.plus(LEASE));
        EventOutbox.Waiting event = f.outbox().next(f.installation(), 10).get(0);

        f.deliveredWithEffects(event, "node-a#1", "{\"heard\":1}");

        assertThat(f.outbox().next(f.installation(), 10)).isEmpty();
        assertThat(f.state()).isEqualTo("{\"heard\":1}");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDeadNodesEventsAreTakenOverWhenItsLeaseRunsOutAndItsLateRunStoresNothing(
            Supplier<MigratedDatabase> database) {
        Fixture f = fixture(database);
        f.add("on");
        f.outbox().take(f.installation(), "node-a#1", NOW, NOW.plus(LEASE));   // A dies (or stalls) here
        EventOutbox.Waiting event = f.outbox().next(f.installation(), 10).get(0);

        Instant later = NOW.plus(LEASE).plusSeconds(1);
        assertThat(f.outbox().take(f.installation(), "node-b#1", later, later.plus(LEASE))).isTrue();
        assertThat(f.outbox().renew(f.installation(), "node-a#1", later.plus(LEASE))).isFalse();
        assertThatThrownBy(() -> f.deliveredWithEffects(event, "node-a#1", "{\"heard\":1}"))
                .isInstanceOf(LeaseLost.class);
        assertThat(f.state()).isNull();

        f.deliveredWithEffects(event, "node-b#1", "{\"heard\":1}");
        assertThat(f.state()).isEqualTo("{\"heard\":1}");
        assertThatThrownBy(() -> f.deliveredWithEffects(event, "node-b#1", "{\"heard\":2}"))
                .as("delivered once").isInstanceOf(LeaseLost.class);
        assertThat(f.state()).isEqualTo("{\"heard\":1}");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRestartedNodeTakesBackItsEarlierLifesLeasesButNotAnotherNodes(Supplier<MigratedDatabase> database) {
        Fixture f = fixture(database);
        Fixture other = fixture(database);
        f.add("on");
        other.add("on");
        NodeIdentity before = NodeIdentity.named("outbox_1:8080");
        f.outbox().take(f.installation(), before.name() + "#1", NOW, NOW.plus(LEASE));
        other.outbox().take(other.installation(), "outboxx1:8080/abc#1", NOW, NOW.plus(LEASE));

        assertThat(f.outbox().release(NodeIdentity.named("outbox_1:8080").previousLives())).isEqualTo(1);
        assertThat(f.outbox().take(f.installation(), "node-b#1", NOW, NOW.plus(LEASE))).isTrue();
        assertThat(other.outbox().take(other.installation(), "node-b#1", NOW, NOW.plus(LEASE))).isFalse();
    }
}
