package hearth.installation;

import hearth.support.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** State saves checked against the version their call read, on H2 and PostgreSQL. */
class StateVersionTest {

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void ofTwoCallsThatReadTheSameStateTheSecondToSaveIsRefused(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        InstallationRepository installations = new InstallationRepository(db.jdbc(), JsonMapper.builder().build());
        String id = db.installation();
        InstallationRepository.StateRead first = installations.readState(id);
        InstallationRepository.StateRead second = installations.readState(id);

        installations.saveState(id, "{\"count\":1}", first.version());

        assertThatThrownBy(() -> installations.saveState(id, "{\"count\":1}", second.version()))
                .isInstanceOf(StateConflict.class);
        InstallationRepository.StateRead now = installations.readState(id);
        assertThat(now.json()).isEqualTo("{\"count\":1}");
        installations.saveState(id, "{\"count\":2}", now.version());
        assertThat(installations.readState(id).json()).isEqualTo("{\"count\":2}");
    }

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void aSaveWaitingOnAnotherTransactionSeesItsVersionOnceItCommits(Supplier<MigratedDatabase> database)
            throws Exception {
        MigratedDatabase db = database.get();
        InstallationRepository installations = new InstallationRepository(db.jdbc(), JsonMapper.builder().build());
        String id = db.installation();
        long read = installations.readState(id).version();
        java.util.concurrent.CountDownLatch saved = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        Thread first = new Thread(() -> db.transactions().executeWithoutResult(tx -> {
            installations.saveState(id, "{\"by\":\"first\"}", read);
            saved.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        first.start();
        saved.await();
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            commit.countDown();
        });
        releaser.start();

        assertThatThrownBy(() -> db.transactions().executeWithoutResult(tx ->
                installations.saveState(id, "{\"by\":\"second\"}", read))).isInstanceOf(StateConflict.class);
        first.join();
        assertThat(installations.readState(id).json()).isEqualTo("{\"by\":\"first\"}");
    }
}
