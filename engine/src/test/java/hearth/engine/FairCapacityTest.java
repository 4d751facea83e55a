package hearth.engine;

import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.SmartApp;
import hearth.engine.support.FakeContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static hearth.engine.support.Engines.app;
import static hearth.engine.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fair shares of the workers: one Installation flooding runaway calls holds at most its share,
 * waits behind itself, and every other Installation's call runs while the flood is still running.
 */
class FairCapacityTest {
    @Test
    void aFloodOfRunawayCallsFromOneInstallationDoesNotDelayAnotherAccountsCall() throws Exception {
        // 8 workers: an Installation may run 2 at once, a SmartApp 4; 16 of an Installation's calls may wait
        try (SmartAppEngine engine = new SmartAppEngine(new EngineSettings(Duration.ofSeconds(6), 8, 64))) {
            SmartApp runaway = app(engine, """
                    mappings { path("/spin") { action: [GET: "spin"] } }
                    def spin() { while (true) { } }
                    """);
            SmartApp other = app(engine, """
                    mappings { path("/ok") { action: [GET: "ok"] } }
                    def ok() { [ok: true] }
                    """);
            ExecutorService clients = Executors.newFixedThreadPool(24);
            try {
                FakeContext flooder = new FakeContext("flooder");
                List<Future<HandlerOutcome>> flood = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    flood.add(clients.submit(() -> runaway.handle(get("/spin"), flooder)));
                }
                Thread.sleep(500); // the flood is running and queued
                assertThat(engine.activeCalls()).as("the flooding Installation holds only its share").isEqualTo(2);

                // another account's app, and another Installation of the same app, answer at once
                HandlerOutcome answer = other.handle(get("/ok"), new FakeContext("victim"));
                assertThat(answer).isInstanceOf(HandlerOutcome.Response.class);
                Future<HandlerOutcome> sameApp = clients.submit(() -> runaway.handle(get("/spin"),
                        new FakeContext("neighbour")));
                Thread.sleep(300);
                assertThat(engine.activeCalls()).isEqualTo(3);
                assertThat(flood).as("the flood is still running while the others were served")
                        .anyMatch(f -> !f.isDone());
                sameApp.cancel(true);

                // what did not fit in the flooder's queue was refused at once, the rest timed out
                // (the loop allocates nothing, so only the time limit can stop it)
                List<String> types = new ArrayList<>();
                for (Future<HandlerOutcome> f : flood) {
                    types.add(((HandlerOutcome.Failure) f.get(60, TimeUnit.SECONDS)).type());
                }
                assertThat(types).contains("EngineBusyException", "ExecutionTimeoutException")
                        .containsOnly("EngineBusyException", "ExecutionTimeoutException");
            } finally {
                clients.shutdownNow();
            }
            for (int i = 0; i < 100 && engine.activeCalls() > 0; i++) {
                Thread.sleep(100);
            }
            assertThat(engine.activeCalls()).as("no worker is kept past its call").isZero();
        }
    }

    @Test
    void theSharesAreSettings() throws Exception {
        EngineSettings settings = new EngineSettings(Duration.ofSeconds(3), 8, 64)
                .withShares(new EngineSettings.Shares(1, 2, 2));
        try (SmartAppEngine engine = new SmartAppEngine(settings)) {
            SmartApp runaway = app(engine, """
                    mappings { path("/spin") { action: [GET: "spin"] } }
                    def spin() { while (true) { } }
                    """);
            ExecutorService clients = Executors.newFixedThreadPool(6);
            try {
                FakeContext flooder = new FakeContext("flooder");
                List<Future<HandlerOutcome>> flood = new ArrayList<>();
                flood.add(clients.submit(() -> runaway.handle(get("/spin"), flooder)));
                // On a loaded machine the first call may take seconds to reach a worker (its first run loads
                // the engine's classes); until it runs it is one of the two waiting, and the flood would be
                // refused one call more (CI, 2026-12-03).
                for (int i = 0; i < 500 && engine.activeCalls() < 1; i++) {
                    Thread.sleep(20);
                }
                assertThat(engine.activeCalls()).as("the first call runs before the others come").isEqualTo(1);
                for (int i = 0; i < 4; i++) {
                    flood.add(clients.submit(() -> runaway.handle(get("/spin"), flooder)));
                }
                Thread.sleep(300);
                assertThat(engine.activeCalls()).as("one call of an Installation at once").isEqualTo(1);
                List<String> types = new ArrayList<>();
                for (Future<HandlerOutcome> f : flood) {
                    types.add(((HandlerOutcome.Failure) f.get(60, TimeUnit.SECONDS)).type());
                }
                assertThat(types).as("one ran, two waited, two were refused at once")
                        .filteredOn("EngineBusyException"::equals).hasSize(2);
            } finally {
                clients.shutdownNow();
            }
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EngineSettings.Shares(3, 2, 1))
                .hasMessageContaining("a SmartApp's at least an Installation's");
    }
}
