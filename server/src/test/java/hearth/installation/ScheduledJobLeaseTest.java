package hearth.installation;

import hearth.support.MigratedDatabase;
import hearth.support.NodeIdentity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scheduled jobs claimed with a lease by two nodes over one real database (H2 and PostgreSQL):
 * claimed by one node only, never deleted before they run, finished with the run's effects only
 * while the claim is held, taken over when the lease runs out.
 */
class ScheduledJobLeaseTest {
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    private static final Map<String, MigratedDatabase> MIGRATED = new ConcurrentHashMap<>();

    /** One database of each kind for the class; each test has an Installation (and jobs) of its own. */
    static Stream<Supplier<MigratedDatabase>> databases() {
        return Stream.of(() -> MIGRATED.computeIfAbsent("h2", k -> MigratedDatabase.h2()),
                () -> MIGRATED.computeIfAbsent("pg", k -> MigratedDatabase.postgres()));
    }

    record Fixture(MigratedDatabase db, ScheduledJobRepository jobs, String installation) {
        ScheduledJob job(String cron) {
            ScheduledJob job = new ScheduledJob(UUID.randomUUID().toString(), installation, "wake", cron,
                    NOW.minusSeconds(1), NOW.minusSeconds(61));
            jobs.insert(job);
            return job;
        }

        /** The due jobs of this test's Installation. */
        List<ScheduledJob> due(Instant now) {
            return jobs.due(now, 1000).stream().filter(j -> j.installationId().equals(installation)).toList();
        }

        String state() {
            return db.jdbc().sql("SELECT state FROM installation WHERE id = ?").param(installation)
                    .query(String.class).optional().orElse(null);
        }

        /** What a run stores: the job finished and the handler's state, in one transaction. */
        void finishWithEffects(ScheduledJob job, String claim, Instant next, String state) {
            db.transactions().executeWithoutResult(tx -> {
                jobs.finish(job, claim, next);
                db.jdbc().sql("UPDATE installation SET state = ? WHERE id = ?").params(state, installation).update();
            });
        }
    }

    static Fixture fixture(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        return new Fixture(db, new ScheduledJobRepository(db.jdbc()), db.installation());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDueJobIsClaimedByExactlyOneNodeAndStaysInTheTableWhileItRuns(Supplier<MigratedDatabase> database) {
        Fixture f = fixture(database);
        ScheduledJob job = f.job(null);

        assertThat(f.jobs().claim(job, "node-a#1", NOW, NOW.plus(LEASE))).isTrue();
        assertThat(f.jobs().claim(job, "node-b#1", NOW, NOW.plus(LEASE))).isFalse();
        assertThat(f.due(NOW)).as("a claimed job is not due to anyone else").isEmpty();
        assertThat(f.jobs().ofInstallation(f.installation())).extracting(ScheduledJob::id)
                .as("claimed, not deleted").containsExactly(job.id());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFinishedRunDeletesItsJobInTheTransactionThatStoresItsEffects(Supplier<MigratedDatabase> database) {
        Fixture f = fixture(database);
        ScheduledJob job = f.job(null);
        f.jobs().claim(job, "node-a#1", NOW, NOW.plus(LEASE));

        f.finishWithEffects(job, "node-a#1", null, "{\"woken\":1}");

        assertThat(f.jobs().ofInstallation(f.installation())).isEmpty();
        assertThat(f.state()).isEqualTo("{\"woken\":1}");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aJobWhoseNodeDiedIsTakenOverWhenTheLeaseRunsOutAndRunsOnce(Supplier<MigratedDatabase> database) {
        Fixture f = fixture(database);
        ScheduledJob job = f.job(null);
        f.jobs().claim(job, "node-a#1", NOW, NOW.plus(LEASE));   // node A is killed here, mid-run

        Instant later = NOW.plus(LEASE).plusSeconds(1);
        assertThat(f.jobs().claim(job, "node-b#1", NOW.plusSeconds(30), NOW.plusSeconds(30).plus(LEASE)))
                .as("within the lease").isFalse();
        assertThat(f.due(later)).extracting(ScheduledJob::id).containsExactly(job.id());
        assertThat(f.jobs().claim(job, "node-b#1", later, later.plus(LEASE))).isTrue();
        f.finishWithEffects(job, "node-b#1", null, "{\"woken\":1}");

        assertThat(f.jobs().ofInstallation(f.installation())).isEmpty();
        assertThat(f.state()).isEqualTo("{\"woken\":1}");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStaleRunWhoseClaimWasTakenOverStoresNoneOfItsEffects(Supplier<MigratedDatabase> database) {
        Fixture f = fixture(database);
        ScheduledJob job = f.job(null);
        f.jobs().claim(job, "node-a#1", NOW, NOW.plus(LEASE));   // node A stalls past its lease
        Instant later = NOW.plus(LEASE).plusSeconds(1);
        f.jobs().claim(job, "node-b#1", later, later.plus(LEASE));
        f.finishWithEffects(job, "node-b#1", null, "{\"woken\":1}");

        assertThat(f.jobs().renew(job.id(), "node-a#1", later.plus(LEASE))).isFalse();
        assertThatThrownBy(() -> f.finishWithEffects(job, "node-a#1", null, "{\"woken\":2}"))
                .isInstanceOf(LeaseLost.class);
        assertThat(f.state()).as("the stale run's state is rolled back").isEqualTo("{\"woken\":1}");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStaleRunOfAJobTakenOverWhileStillInTheTableStoresNothingEither(Supplier<MigratedDatabase> database) {
        Fixture f = fixture(database);
        ScheduledJob job = f.job(null);
        f.jobs().claim(job, "node-a#1", NOW, NOW.plus(LEASE));
        Instant later = NOW.plus(LEASE).plusSeconds(1);
        f.jobs().claim(job, "node-b#1", later, later.plus(LEASE));   // B is running it now

        assertThatThrownBy(() -> f.finishWithEffects(job, "node-a#1", null, "{\"woken\":1}"))
                .isInstanceOf(LeaseLost.class);
        assertThat(f.state()).isNull();
        assertThat(f.jobs().ofInstallation(f.installation())).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRepeatingJobIsFreedAtItsNextTimeWhenItsRunFinishes(Supplier<MigratedDatabase> database) {
        Fixture f = fixture(database);
        ScheduledJob job = f.job("0 * * * * *");
        f.jobs().claim(job, "node-a#1", NOW, NOW.plus(LEASE));
        Instant next = NOW.plus(1, ChronoUnit.MINUTES);

        f.finishWithEffects(job, "node-a#1", next, "{\"woken\":1}");

        List<ScheduledJob> left = f.jobs().ofInstallation(f.installation());
        assertThat(left).extracting(ScheduledJob::runAt).containsExactly(next);
        assertThat(f.due(NOW)).isEmpty();
        assertThat(f.due(next)).as("free for any node at its next time").hasSize(1);
        assertThat(f.jobs().claim(left.get(0), "node-b#1", next, next.plus(LEASE))).isTrue();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aJobUnscheduledWhileItRanIsNotFinishedByThatRun(Supplier<MigratedDatabase> database) {
        Fixture f = fixture(database);
        ScheduledJob job = f.job(null);
        f.jobs().claim(job, "node-a#1", NOW, NOW.plus(LEASE));
        f.jobs().deleteHandler(f.installation(), "wake");

        assertThatThrownBy(() -> f.finishWithEffects(job, "node-a#1", null, "{\"woken\":1}"))
                .isInstanceOf(LeaseLost.class);
        assertThat(f.state()).isNull();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRestartedNodeHandsBackTheClaimsOfItsEarlierLifeButNotAnotherNodes(Supplier<MigratedDatabase> database) {
        Fixture f = fixture(database);
        ScheduledJob mine = f.job(null);
        ScheduledJob theirs = f.job(null);
        NodeIdentity before = NodeIdentity.named("host_1:8080");
        f.jobs().claim(mine, before.name() + "#1", NOW, NOW.plus(LEASE));
        f.jobs().claim(theirs, NodeIdentity.named("hostx1:8080").name() + "#1", NOW, NOW.plus(LEASE));

        NodeIdentity after = NodeIdentity.named("host_1:8080");   // kill -9, then started again
        assertThat(after.name()).isNotEqualTo(before.name());
        assertThat(f.jobs().release(after.previousLives())).isEqualTo(1);

        assertThat(f.due(NOW)).extracting(ScheduledJob::id).containsExactly(mine.id());
        assertThatThrownBy(() -> f.finishWithEffects(mine, before.name() + "#1", null, "{}"))
                .as("the earlier life's run, were it somehow still going, stores nothing")
                .isInstanceOf(LeaseLost.class);
    }
}
