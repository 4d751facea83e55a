package hearth.cluster;

import hearth.support.DurabilityLoad;
import hearth.support.HearthProcess;
import hearth.support.Http;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
                "--hearth.public-url=http://127.0.0.1:" + port, "--hearth.oauth.refresh-grace=5m");
        HearthProcess server = HearthProcess.start("crash-h2", port, args, Map.of()).awaitHealthy(START);
        try {
            DurabilityLoad load = new DurabilityLoad(() -> new Http(server.url()), 3).start();
            Thread.sleep(10_000);
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
            } finally {
                restarted.close();
            }
        } finally {
            server.close();
        }
    }
}
