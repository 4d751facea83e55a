package hearth.cluster;

import hearth.support.DurabilityLoad;
import hearth.support.HearthProcess;
import hearth.support.Http;
import hearth.support.PostgresDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the real server under load from several client threads, a restart on the
 * same data, and every acknowledged write is found: on embedded H2 (the default) and on
 * PostgreSQL. {@link TwoNodesIT} kills one of two nodes on PostgreSQL, where the other carries on.
 */
class CrashIT {
    private static final String JOBS_CLAIMED = "hearth_scheduler_lag_seconds_count";
    private static final String RELEASED = "scheduled jobs claimed before this node restarted run again";
    private static final Duration START = Duration.ofSeconds(360);

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void everyAcknowledgedWriteSurvivesAKillNine(String db) throws IOException, InterruptedException {
        Path data = Files.createDirectories(Path.of("target", "it-data", "crash-" + System.nanoTime()))
                .toAbsolutePath();
        int port = HearthProcess.freePort();
        // A restart here takes longer than the default 30 s grace window: the refresh whose answer the
        // kill may have swallowed is presented again after it, as a client retrying would.
        List<String> args = new ArrayList<>(List.of("--hearth.data-dir=" + data, "--hearth.demo.enabled=false",
                "--hearth.public-url=http://127.0.0.1:" + port, "--hearth.oauth.refresh-grace=5m",
                "--hearth.scheduler.poll=200ms", "--hearth.rate-limit.executions=100000"));
        if (db.equals("PostgreSQL")) {
            args.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url="
                    + PostgresDatabase.create(), "--spring.datasource.username=" + PostgresDatabase.user(),
                    "--spring.datasource.password=" + PostgresDatabase.password(), "--hearth.signup.enabled=true"));
        }
        HearthProcess server = HearthProcess.start("crash-" + db.toLowerCase(), port, args, Map.of())
                .awaitHealthy(START);
        try {
            DurabilityLoad load = new DurabilityLoad(() -> new Http(server.url()), 3).start();
            Http http = new Http(server.url());
            String access = load.connect(load.dimmers()).get("access_token").asText();
            String uri = load.uri(http, access);
            // An Installation whose handler hears the third dimmer's switch, taking 1.5 s per event.
            String dimmer = load.dimmers().get(2);
            String listener = load.connect(List.of(dimmer)).get("access_token").asText();
            String listening = load.uri(http, listener);
            assertThat(http.send("PUT", listening + "/listen/1500", null, "Authorization", "Bearer " + listener)
                    .statusCode()).isEqualTo(204);
            Thread.sleep(4_000);
            // One that comes due after the kill (15 s: well after it, even on a loaded machine, so it never runs before).
            assertThat(http.send("PUT", uri + "/later/15", null, "Authorization", "Bearer " + access).statusCode())
                    .isEqualTo(204);
            // Events acknowledged before the kill (1.5 s of handler each): most are still waiting for it then.
            int events = 0;
            for (int i = 0; i < 8; i++) {
                if (http.postJson("/api/devices/" + dimmer + "/commands", Map.of("command", i % 2 == 0 ? "on" : "off"),
                        "Authorization", load.basic()).statusCode() / 100 == 2) {
                    events++;
                }
            }
            assertThat(events).isEqualTo(8);
            // Last, a job that comes due in a second and is still running (8 s) when the server is killed: nothing
            // but the claim check stands between its start and the kill.
            assertThat(http.send("PUT", uri + "/slowly/1", null, "Authorization", "Bearer " + access).statusCode())
                    .isEqualTo(204);
            // Killed once the scheduler claimed it (it then runs for 8 s): a condition, not a guess of how long.
            eventually(() -> server.metric(JOBS_CLAIMED), claimed -> claimed >= 1);
            assertThat(server.metric(JOBS_CLAIMED)).as("the slow job was claimed before the kill").isEqualTo(1);
            JsonNode heardBefore = json(http.get(listening + "/count", "Authorization", "Bearer " + listener));
            Map<String, Integer> before = load.acknowledged();
            server.kill();
            load.stop();
            HearthProcess restarted = server.restart().awaitHealthy(START);
            try {
                // Even a refresh on the wire at the kill: its client presents the old token again and gets the pair.
                Map<String, Integer> checked = load.verify(false);
                System.out.println("CrashIT " + db + ": acknowledged before kill -9 (about) " + before + "; found after "
                        + "restart, all of " + checked + "; a refresh was in flight at the kill: "
                        + load.refreshWasInFlight());
                assertThat(checked).isNotEmpty();
                // Both jobs run after the restart, once each: the one the kill interrupted ran again.
                JsonNode after = eventually(() -> json(http.get(uri + "/count", "Authorization", "Bearer " + access)),
                        c -> c.get("slow").asInt() >= 1 && c.get("woken").asInt() >= 1);
                System.out.println("CrashIT " + db + ": the job running at the kill and the one due during it ran "
                        + after.get("slow") + " and " + after.get("woken") + " time(s) after the restart");
                assertThat(after.get("slow").asInt()).as("the job interrupted by the kill").isEqualTo(1);
                assertThat(after.get("woken").asInt()).as("the job due during the crash").isEqualTo(1);
                assertThat(restarted.metric(JOBS_CLAIMED)).as("jobs claimed after the restart").isEqualTo(2);
                // The interrupted job's claim was handed back by the restarted node, not left to expire.
                assertThat(eventually(() -> read(restarted.log()), log -> log.contains(RELEASED))).contains(RELEASED);
                // Every event acknowledged before the kill reaches its handler after the restart, once:
                // read when the outbox is empty, so nothing is left to come.
                eventually(() -> restarted.metric("hearth_outbox_depth"), depth -> depth == 0);
                int heard = json(http.get(listening + "/count", "Authorization", "Bearer " + listener)).get("heard")
                        .asInt();
                System.out.println("CrashIT " + db + ": of 8 acknowledged device events, " + heardBefore.get("heard")
                        + " had reached the handler before kill -9, " + heard + " after the restart");
                assertThat(heard).as("events heard after the restart").isEqualTo(8);
            } finally {
                restarted.close();
            }
        } finally {
            server.close();
        }
    }

    private static String read(java.nio.file.Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static <T> T eventually(Supplier<T> read, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        T value = read.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            value = read.get();
        }
        return value;
    }
}
