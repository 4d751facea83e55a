package hearth.flow;

import hearth.support.Http;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Subscriptions, runIn on the persistent scheduler, location modes, and the execution limit. */
class AutomationTest extends HearthTestBase {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("automation");
        registry.add("hearth.data-dir", () -> dir);
        registry.add("hearth.rate-limit.executions", () -> "40");
        registry.add("hearth.scheduler.poll", () -> "200ms");
    }

    private static void eventually(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 15 s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String log(String uri, String token) {
        return json(http().get(uri + "/log", "Authorization", "Bearer " + token)).get("log").toString();
    }

    @Test
    void aCallWhoseStateSaveLostToAnotherCallsRunsAgainOnTheNewStateSoBothCount() {
        Fixture f = fixture(resource("apps/state-race-test.groovy"), List.of("*"));
        String token = json(exchange(f, authorize(f, Map.of("switches", List.of(f.lampId()))))).get("access_token")
                .asText();
        String uri = endpoint(token).get("uri").asText();
        // The slow call reads the count, then waits 1.5 s; three other calls save the count meanwhile.
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> http().postJson(uri
                + "/count/slowly/1500", Map.of(), "Authorization", "Bearer " + token));
        sleep(500);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> counted = http().postJson(uri + "/count", Map.of(), "Authorization", "Bearer " + token);
            assertThat(counted.statusCode() / 100).as(counted.body()).isEqualTo(2);
        }
        HttpResponse<String> slowly = slow.join();
        assertThat(slowly.statusCode() / 100).as(slowly.body()).isEqualTo(2);

        // Without the check the slow call's save (the count it read, plus one) would overwrite all three.
        assertThat(json(slowly).get("count").asInt()).isEqualTo(4);
        assertThat(json(http().get(uri + "/count", "Authorization", "Bearer " + token)).get("count").asInt())
                .isEqualTo(4);
        assertThat(http().get("/actuator/prometheus").body()).contains("hearth_state_conflicts_total");
    }

    @Test
    void subscribedEventsSchedulesAndModesReachTheApp() {
        Fixture f = fixture(resource("apps/automation-test.groovy"), List.of("*"));
        String code = authorize(f, Map.of("switches", List.of(f.lampId()), "lights", List.of(f.kitchenId())));
        String token = json(exchange(f, code)).get("access_token").asText();
        String uri = endpoint(token).get("uri").asText();
        assertThat(log(uri, token)).isEqualTo("[]");
        String subscriptions = http().get(uri + "/subscriptions", "Authorization", "Bearer " + token).body();
        assertThat(subscriptions).contains("\"handler\":\"onHandler\"").contains("\"device\":\"Lamp\"")
                .contains("\"handler\":\"modeHandler\"");

        // A device event the app subscribed to runs its handler, which commands another chosen device.
        http().postJson("/api/devices/" + f.lampId() + "/commands", Map.of("command", "on"), "Authorization", f.basic());
        eventually(() -> log(uri, token).contains("Lamp:on"), "the switch handler ran");
        eventually(() -> json(http().get("/api/devices/" + f.kitchenId(), "Authorization", f.basic()))
                .get("attributes").get("switch").get("value").asText().equals("on"), "the handler's command");
        // Not subscribed to "off", and not to the lock, which was not chosen.
        http().postJson("/api/devices/" + f.lampId() + "/commands", Map.of("command", "off"), "Authorization", f.basic());
        http().postJson("/api/devices/" + f.lockId() + "/commands", Map.of("command", "unlock"), "Authorization",
                f.basic());

        // runIn(60) sleeps in the database until the clock says so.
        assertThat(http().postJson(uri + "/later", Map.of(), "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(201);
        sleep(600);
        assertThat(log(uri, token)).doesNotContain("woke");
        clock.advance(Duration.ofSeconds(61));
        eventually(() -> log(uri, token).contains("woke"), "the runIn handler ran");

        assertThat(http().send("PUT", uri + "/mode/Away", null, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(204);
        eventually(() -> log(uri, token).contains("mode:Away"), "the mode handler ran");
        JsonNode locations = json(http().get("/api/locations", "Authorization", f.basic()));
        assertThat(locations.get(0).get("mode").asText()).isEqualTo("Away");
        assertThat(log(uri, token)).doesNotContain("off").doesNotContain("unlocked");
    }

    @Test
    void theExecutionLimitAnswers429WithTheClassicHeaders() {
        Fixture f = fixture();
        String token = token(f);
        String uri = endpoint(token).get("uri").asText();
        HttpResponse<String> last = null;
        for (int i = 0; i < 45; i++) {
            last = http().get(uri + "/switches", "Authorization", "Bearer " + token);
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.headers().firstValue("X-RateLimit-Limit")).hasValue("40");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(json(last).get("type").asText()).isEqualTo("RateLimit");
        assertThat(json(last).get("error").asBoolean()).isTrue();
        assertThat(last.headers().firstValue("X-RateLimit-Current")).hasValue("41");
        assertThat(Long.parseLong(last.headers().firstValue("X-RateLimit-TTL").orElseThrow())).isBetween(1L, 60L);
        clock.advance(Duration.ofSeconds(61));
        assertThat(http().get(uri + "/switches", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
