package hearth.cluster;

import hearth.support.DurabilityLoad;
import hearth.support.HearthProcess;
import hearth.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} of the real server (embedded H2, the default) under load from several client
 * threads, a restart on the same data, and every acknowledged write is found. PostgreSQL gets the
 * same load and kill in {@link TwoNodesIT}, where the other node carries on.
 */
class CrashIT {
    private static final Duration START = Duration.ofSeconds(360);

    @Test
    void everyAcknowledgedWriteSurvivesAKillNineOnH2() throws IOException, InterruptedException {
        Path data = Files.createDirectories(Path.of("target", "it-data", "crash-" + System.nanoTime()))
                .toAbsolutePath();
        int port = HearthProcess.freePort();
        // A restart here takes longer than the default 30 s grace window: the refresh whose answer the
        // kill may have swallowed is presented again after it, as a client retrying would.
        List<String> args = List.of("--hearth.data-dir=" + data, "--hearth.demo.enabled=false",
                "--hearth.public-url=http://127.0.0.1:" + port, "--hearth.oauth.refresh-grace=5m",
                "--hearth.scheduler.poll=200ms", "--hearth.rate-limit.executions=100000");
        HearthProcess server = HearthProcess.start("crash-h2", port, args, Map.of()).awaitHealthy(START);
        try {
            DurabilityLoad load = new DurabilityLoad(() -> new Http(server.url()), 3).start();
            Http http = new Http(server.url());
            String access = load.connect(load.dimmers()).get("access_token").asText();
            String uri = load.uri(http, access);
            Thread.sleep(4_000);
            // A job that comes due in a second and is still running (8 s) when the server is killed.
            assertThat(http.send("PUT", uri + "/slowly/1", null, "Authorization", "Bearer " + access).statusCode())
                    .isEqualTo(204);
            Thread.sleep(6_000);
            // And one that comes due while the server is down.
            assertThat(http.send("PUT", uri + "/later/2", null, "Authorization", "Bearer " + access).statusCode())
                    .isEqualTo(204);
            Map<String, Integer> before = load.acknowledged();
            server.kill();
            load.stop();
            HearthProcess restarted = server.restart().awaitHealthy(START);
            try {
                // Even a refresh on the wire at the kill: its client presents the old token again and gets the pair.
                Map<String, Integer> checked = load.verify(false);
                System.out.println("CrashIT H2: acknowledged before kill -9 (about) " + before + "; found after "
                        + "restart, all of " + checked + "; a refresh was in flight at the kill: "
                        + load.refreshWasInFlight());
                assertThat(checked).isNotEmpty();
                // Both jobs run after the restart, once each: the one the kill interrupted ran again.
                JsonNode counted = eventually(() -> json(http.get(uri + "/count", "Authorization", "Bearer " + access)),
                        c -> c.get("slow").asInt() >= 1 && c.get("woken").asInt() >= 1);
                Thread.sleep(3_000);
                JsonNode after = json(http.get(uri + "/count", "Authorization", "Bearer " + access));
                System.out.println("CrashIT H2: the job running at the kill and the one due during it ran "
                        + after.get("slow") + " and " + after.get("woken") + " time(s) after the restart");
                assertThat(after.get("slow").asInt()).as("the job interrupted by the kill, " + counted).isEqualTo(1);
                assertThat(after.get("woken").asInt()).as("the job due during the crash").isEqualTo(1);
                assertThat(Files.readString(restarted.log())).as("the interrupted job was claimed before the kill")
                        .contains("scheduled jobs claimed before this node restarted run again");
            } finally {
                restarted.close();
            }
        } finally {
            server.close();
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
