package hearth.flow;

import hearth.applog.AppLogRepository;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A SmartApp's developer reads what it did (issue 12): its log, its failures by reference, bounded. */
class AppLogTest extends HearthTestBase {
    static final int MAX_LINES = 1000;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("app-log");
        registry.add("hearth.data-dir", () -> dir);
        registry.add("hearth.app-log.max-lines", () -> MAX_LINES);
    }

    @Autowired
    AppLogRepository stored;

    private static final String SOURCE = resource("apps/app-log.groovy");

    private static int lineOf(String text) {
        String[] lines = SOURCE.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    private JsonNode logs(Fixture f, String query) {
        HttpResponse<String> response = http().get("/api/smartapps/" + f.appId() + "/logs" + query,
                "Authorization", f.basic());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<String> messages(JsonNode page) {
        List<String> messages = new ArrayList<>();
        page.get("lines").forEach(line -> messages.add(line.get("message").asText()));
        return messages;
    }

    @Test
    void appThatLogsThenFailsShowsItsDeveloperBothLinesAndTheReferenceLeadsToTheFailingLine() {
        Fixture f = fixture(SOURCE, List.of("*"));
        String token = token(f);
        String uri = endpoint(token).get("uri").asText();
        String installation = uri.substring(uri.lastIndexOf('/') + 1);

        HttpResponse<String> failed = http().get(uri + "/fail?access_token=" + token);
        assertThat(failed.statusCode()).isEqualTo(500);
        JsonNode body = json(failed);
        assertThat(body.get("error").asBoolean()).isTrue();
        assertThat(body.get("type").asText()).isEqualTo("IllegalStateException");
        assertThat(body.get("message").asText()).isEqualTo("the lamp is on fire");
        String reference = body.get("reference").asText();

        JsonNode page = logs(f, "?installation=" + installation);
        List<String> messages = messages(page);
        assertThat(messages).anyMatch(m -> m.startsWith("installed() ran"));
        assertThat(messages).contains("installed with 2 switches", "about to fail; access_token=***");
        assertThat(messages.get(messages.size() - 1)).startsWith("IllegalStateException: the lamp is on fire");
        assertThat(page.toString()).doesNotContain(token);
        JsonNode last = page.get("lines").get(page.get("lines").size() - 1);
        assertThat(last.get("level").asText()).isEqualTo("error");
        assertThat(last.get("kind").asText()).isEqualTo("error");
        assertThat(last.get("reference").asText()).isEqualTo(reference);
        assertThat(last.get("installationId").asText()).isEqualTo(installation);
        assertThat(page.get("cursor").asText()).isNotBlank();

        HttpResponse<String> detail = http().get("/api/smartapps/" + f.appId() + "/errors/" + reference,
                "Authorization", f.basic());
        assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
        JsonNode error = json(detail);
        assertThat(error.get("type").asText()).isEqualTo("IllegalStateException");
        assertThat(error.get("message").asText()).isEqualTo("the lamp is on fire");
        assertThat(error.get("line").asInt()).isEqualTo(lineOf("on fire"));
        assertThat(error.get("method").asText()).isEqualTo("GET");
        assertThat(error.get("path").asText()).isEqualTo("/fail");
        assertThat(error.get("handler").asText()).isEqualTo("fail");
        assertThat(error.get("installationId").asText()).isEqualTo(installation);
        List<String> frames = new ArrayList<>();
        error.get("frames").forEach(frame -> frames.add(frame.asText()));
        assertThat(frames).containsExactly("helper (line " + lineOf("on fire") + ")",
                "fail (line " + lineOf("    helper()") + ")");
        assertThat(detail.body()).doesNotContain("hearth.", "java.", ".java", "/work", token);

        // only lines after the cursor come with it
        String cursor = page.get("cursor").asText();
        assertThat(logs(f, "?cursor=" + cursor).get("lines")).isEmpty();
        http().get(uri + "/fail", "Authorization", "Bearer " + token);
        JsonNode after = logs(f, "?cursor=" + cursor + "&level=error");
        assertThat(messages(after)).hasSize(1).allMatch(m -> m.startsWith("IllegalStateException"));
    }

    @Test
    void anotherAccountGetsTheNotFoundAnUnknownSmartAppGets() {
        Fixture f = fixture(SOURCE, List.of("*"));
        String token = token(f);
        String uri = endpoint(token).get("uri").asText();
        String reference = json(http().get(uri + "/fail", "Authorization", "Bearer " + token))
                .get("reference").asText();
        Fixture other = fixture();

        HttpResponse<String> theirs = http().get("/api/smartapps/" + f.appId() + "/logs", "Authorization",
                other.basic());
        HttpResponse<String> unknown = http().get("/api/smartapps/no-such-app/logs", "Authorization", other.basic());
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(theirs).get("error").asText()).isEqualTo(json(unknown).get("error").asText());
        assertThat(theirs.body()).doesNotContain("fire");
        HttpResponse<String> error = http().get("/api/smartapps/" + f.appId() + "/errors/" + reference,
                "Authorization", other.basic());
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.body()).doesNotContain("fire");
        assertThat(http().get("/api/smartapps/" + f.appId() + "/logs").statusCode()).isEqualTo(401);
    }

    @Test
    void theInstallationsOwnerSeesTheSummaryOfAFailureAndNotTheCode() {
        Fixture developer = fixture(SOURCE, List.of("*"));
        Fixture user = fixture();
        Fixture installing = new Fixture(user.username(), user.password(), user.basic(), user.locationId(),
                user.lampId(), user.kitchenId(), user.lockId(), developer.appId(), developer.clientId(),
                developer.clientSecret(), developer.redirectUri());
        String token = token(installing);
        String uri = endpoint(token).get("uri").asText();
        String installation = uri.substring(uri.lastIndexOf('/') + 1);
        String reference = json(http().get(uri + "/fail", "Authorization", "Bearer " + token))
                .get("reference").asText();

        HttpResponse<String> summary = http().get("/api/installations/" + installation + "/errors/" + reference,
                "Authorization", user.basic());
        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        assertThat(json(summary).get("type").asText()).isEqualTo("IllegalStateException");
        assertThat(json(summary).get("message").asText()).isEqualTo("the lamp is on fire");
        assertThat(json(summary).has("frames")).isFalse();
        assertThat(json(summary).has("line")).isFalse();
        assertThat(http().get("/api/smartapps/" + developer.appId() + "/errors/" + reference, "Authorization",
                user.basic()).statusCode()).isEqualTo(404);
        assertThat(http().get("/api/installations/" + installation + "/errors/" + reference, "Authorization",
                developer.basic()).statusCode()).isEqualTo(404);
        HttpResponse<String> detail = http().get("/api/smartapps/" + developer.appId() + "/errors/" + reference,
                "Authorization", developer.basic());
        assertThat(json(detail).get("line").asInt()).isEqualTo(lineOf("on fire"));
    }

    @Test
    void aFloodOfLogCallsKeepsTheAppAnsweringAndStoresTheBoundedAmount() {
        Fixture f = fixture(SOURCE, List.of("*"));
        String token = token(f);
        String uri = endpoint(token).get("uri").asText();
        List<CompletableFuture<HttpResponse<String>>> floods = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            floods.add(CompletableFuture.supplyAsync(() -> http().get(uri + "/flood", "Authorization",
                    "Bearer " + token)));
        }
        HttpResponse<String> ok = http().get(uri + "/ok", "Authorization", "Bearer " + token);
        assertThat(ok.statusCode()).isEqualTo(200);
        floods.forEach(flood -> assertThat(flood.join().statusCode()).isEqualTo(200));

        JsonNode page = logs(f, "?limit=1000");
        assertThat(stored.count(f.appId())).isEqualTo(MAX_LINES);
        assertThat(page.get("lines")).hasSize(MAX_LINES);
        // 6 calls of 200 lines and a drop line each: the oldest went to keep the newest MAX_LINES
        assertThat(messages(page)).filteredOn(m -> m.contains("were dropped")).isNotEmpty()
                .allMatch(m -> m.equals("this call logged 100000 lines; 99800 were dropped (at most 200 a call are kept)"));
        assertThat(http().get(uri + "/ok", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(http().get("/api/smartapps/" + f.appId() + "/logs?limit=1001", "Authorization", f.basic())
                .statusCode()).isEqualTo(400);
        assertThat(http().get("/api/smartapps/" + f.appId() + "/logs?level=loud", "Authorization", f.basic())
                .statusCode()).isEqualTo(400);
    }
}
