package hearth.flow;

import hearth.support.EventStream;
import hearth.support.Http;
import hearth.support.EventStream.Event;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app log live (issue 12): {@code GET /api/smartapps/{id}/logs/stream} read by a real HTTP
 * client over a real connection, as Server-Sent Events.
 */
class AppLogStreamTest extends HearthTestBase {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SOURCE = resource("apps/app-log-stream.groovy");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("app-log-stream");
        registry.add("hearth.data-dir", () -> dir);
    }

    private static JsonNode line(Event e) {
        assertThat(e.name()).isEqualTo("line");
        return JSON.readTree(e.data());
    }

    private static String message(Event e) {
        return line(e).get("message").asText();
    }

    private static Event saying(List<Event> events, String message) {
        return events.stream().filter(e -> message(e).equals(message)).findFirst().orElseThrow();
    }

    private void say(String uri, String token, String what, String text) {
        assertThat(http().get(uri + "/" + what + "/" + text, "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);
    }

    private static String installationOf(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    @Test
    void linesWrittenWhileTheStreamIsOpenArriveAndAReconnectWithLastEventIdGetsExactlyWhatItMissed() {
        Fixture f = fixture(SOURCE, List.of("*"));
        String token = token(f);
        String uri = endpoint(token).get("uri").asText();
        String stream = "/api/smartapps/" + f.appId() + "/logs/stream";

        String lastSeen;
        try (EventStream live = EventStream.open(http(), stream, "Authorization", f.basic())) {
            assertThat(live.response().statusCode()).isEqualTo(200);
            assertThat(live.response().headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("text/event-stream");
            // what was there before: the installed() call
            assertThat(message(live.next(WAIT))).startsWith("installed() ran");
            say(uri, token, "say", "one");
            Event one = live.next(WAIT);
            assertThat(message(one)).isEqualTo("said one");
            assertThat(line(one).get("level").asText()).isEqualTo("info");
            assertThat(line(one).get("installationId").asText()).isEqualTo(installationOf(uri));
            assertThat(one.id()).isNotBlank();
            lastSeen = one.id();
        }

        say(uri, token, "say", "two");
        say(uri, token, "say", "three");
        try (EventStream again = EventStream.open(http(), stream, "Authorization", f.basic(),
                "Last-Event-ID", lastSeen)) {
            assertThat(again.response().statusCode()).isEqualTo(200);
            assertThat(message(again.next(WAIT))).isEqualTo("said two");
            assertThat(message(again.next(WAIT))).isEqualTo("said three");
            say(uri, token, "say", "four");
            // nothing twice, nothing between: the next line is the one written now
            assertThat(message(again.next(WAIT))).isEqualTo("said four");
        }
    }

    @Test
    void theStreamTakesTheFiltersOfTheJsonEndpoint() {
        Fixture f = fixture(SOURCE, List.of("*"));
        String token = token(f);
        String uri = endpoint(token).get("uri").asText();
        String otherToken = secondInstallationToken(f);
        String otherUri = endpoint(otherToken).get("uri").asText();
        String installation = installationOf(uri);
        assertThat(installationOf(otherUri)).isNotEqualTo(installation);
        say(uri, token, "whisper", "before");
        say(otherUri, otherToken, "say", "before");
        say(uri, token, "say", "before");

        String query = "?installation=" + installation + "&level=info";
        try (EventStream live = EventStream.open(http(), "/api/smartapps/" + f.appId() + "/logs/stream" + query,
                "Authorization", f.basic())) {
            List<Event> before = live.until(e -> message(e).equals("said before"), WAIT);
            say(uri, token, "whisper", "while");
            say(otherUri, otherToken, "say", "while");
            say(uri, token, "say", "while");
            List<Event> during = live.until(e -> message(e).equals("said while"), WAIT);

            for (List<Event> events : List.of(before, during)) {
                assertThat(events).allSatisfy(e -> {
                    assertThat(line(e).get("installationId").asText()).isEqualTo(installation);
                    assertThat(line(e).get("level").asText()).isIn("info", "warn", "error");
                });
            }
            assertThat(during).hasSize(1);
            // the JSON endpoint with the same filters gives the same lines
            JsonNode page = json(http().get("/api/smartapps/" + f.appId() + "/logs" + query, "Authorization",
                    f.basic()));
            List<String> streamed = new java.util.ArrayList<>(before.stream().map(AppLogStreamTest::message).toList());
            streamed.add(message(saying(during, "said while")));
            List<String> listed = new java.util.ArrayList<>();
            page.get("lines").forEach(l -> listed.add(l.get("message").asText()));
            assertThat(streamed).isEqualTo(listed);
        }
        assertThat(http().get("/api/smartapps/" + f.appId() + "/logs/stream?level=loud", "Accept",
                "text/event-stream", "Authorization", f.basic()).statusCode()).isEqualTo(400);
    }

    @Test
    void anotherAccountGetsTheNotFoundAnUnknownSmartAppGetsAndNoStream() {
        Fixture f = fixture(SOURCE, List.of("*"));
        String token = token(f);
        say(endpoint(token).get("uri").asText(), token, "say", "secret");
        Fixture other = fixture();

        HttpResponse<String> theirs = http().get("/api/smartapps/" + f.appId() + "/logs/stream", "Accept",
                "text/event-stream", "Authorization", other.basic());
        HttpResponse<String> unknown = http().get("/api/smartapps/no-such-app/logs/stream", "Accept",
                "text/event-stream", "Authorization", other.basic());
        assertThat(theirs.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(theirs).get("error").asText()).isEqualTo(json(unknown).get("error").asText());
        assertThat(theirs.body()).doesNotContain("secret");
        assertThat(http().get("/api/smartapps/" + f.appId() + "/logs/stream", "Accept", "text/event-stream")
                .statusCode()).isEqualTo(401);
    }

    private Http signedIn(Fixture f) {
        Http browser = http();
        HttpResponse<String> login = browser.get("/login");
        assertThat(browser.postForm("/login", Map.of("username", f.username(), "password", f.password(), "_csrf",
                Http.csrf(login.body()))).statusCode()).isEqualTo(302);
        return browser;
    }

    private List<String> logged(Fixture f) {
        List<String> messages = new java.util.ArrayList<>();
        json(http().get("/api/smartapps/" + f.appId() + "/logs", "Authorization", f.basic())).get("lines")
                .forEach(l -> messages.add(l.get("message").asText()));
        return messages;
    }

    @Test
    void theConsolesTestCallIsForTheOwnerOnlyAndNeedsTheFormsCsrfToken() {
        Fixture f = fixture(SOURCE, List.of("*"));
        String installation = installationOf(endpoint(token(f)).get("uri").asText());
        Http owner = signedIn(f);
        HttpResponse<String> page = owner.get("/console/apps/" + f.appId() + "/logs");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"" + installation + "\"");
        String testCall = "/console/apps/" + f.appId() + "/test-call";

        HttpResponse<String> forged = owner.postForm(testCall, Map.of("installation", installation, "method", "GET",
                "path", "/say/forged"));
        assertThat(forged.statusCode()).isNotEqualTo(200);
        HttpResponse<String> sent = owner.postForm(testCall, Map.of("installation", installation, "method", "GET",
                "path", "/say/sent", "_csrf", Http.csrf(page.body())));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("id=\"test-status\">200<").contains("said sent");

        Fixture other = fixture();
        Http stranger = signedIn(other);
        assertThat(stranger.get("/console/apps/" + f.appId() + "/logs").statusCode()).isEqualTo(404);
        String theirs = Http.csrf(stranger.get("/console").body());
        HttpResponse<String> strangers = stranger.postForm(testCall, Map.of("installation", installation, "method",
                "GET", "path", "/say/stranger", "_csrf", theirs));
        assertThat(strangers.statusCode()).isEqualTo(404);
        assertThat(strangers.body()).doesNotContain("said");
        assertThat(logged(f)).contains("said sent").doesNotContain("said forged", "said stranger");
    }
}
