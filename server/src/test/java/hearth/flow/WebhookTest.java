package hearth.flow;

import com.sun.net.httpserver.HttpServer;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An IFTTT-style webhook end to end: a device command, the subscription it triggers, and the
 * SmartApp's httpPostJson reaching a receiver that the outbound allow-list names, while a
 * receiver it does not name hears nothing.
 */
class WebhookTest extends HearthTestBase {
    private static final List<String> ALLOWED_GOT = new CopyOnWriteArrayList<>();
    private static final List<String> FORBIDDEN_GOT = new CopyOnWriteArrayList<>();
    private static HttpServer allowed;
    private static HttpServer forbidden;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        allowed = receiver(ALLOWED_GOT);
        forbidden = receiver(FORBIDDEN_GOT);
        String dir = TestDataDirs.fresh("webhook");
        int port = allowed.getAddress().getPort();
        registry.add("hearth.data-dir", () -> dir);
        registry.add("hearth.outbound.allow[0]", () -> "127.0.0.1:" + port);
    }

    @AfterAll
    static void stopReceivers() {
        allowed.stop(0);
        forbidden.stop(0);
    }

    private static HttpServer receiver(List<String> bodies) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @Test
    void aDeviceChangeReachesTheAllowedWebhookAndNothingElse() throws InterruptedException {
        Fixture f = fixture(resource("apps/webhook-test.groovy"), List.of("*"));
        authorize(f, Map.of("switches", List.of(f.lampId()), "hook", List.of(url(allowed))));
        authorize(f, Map.of("switches", List.of(f.lampId()), "hook", List.of(url(forbidden))));

        http().postJson("/api/devices/" + f.lampId() + "/commands", Map.of("command", "on"), "Authorization", f.basic());
        Instant deadline = Instant.now().plusSeconds(15);
        while (ALLOWED_GOT.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(ALLOWED_GOT).hasSize(1);
        assertThat(ALLOWED_GOT.get(0)).contains("\"device\":\"Lamp\"").contains("\"value\":\"on\"");
        Thread.sleep(1000);
        assertThat(FORBIDDEN_GOT).as("a loopback receiver the allow-list does not name").isEmpty();
    }
}
