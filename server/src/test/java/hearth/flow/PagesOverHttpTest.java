package hearth.flow;

import hearth.support.Http;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The pages over plain HTTP: errors by Accept, the live stream's reach. */
class PagesOverHttpTest extends HearthTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("pages");
        registry.add("hearth.data-dir", () -> dir);
    }

    @Test
    void unknownAddressWhenABrowserAsksThenAnHtmlPageAndWhenAnApiClientAsksThenJson() {
        Fixture f = fixture();
        Http browser = signedIn(f);
        HttpResponse<String> page = browser.get("/no/such/page", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("There is nothing here").contains("/no/such/page")
                .contains("Signed in as <strong>" + f.username() + "</strong>");

        HttpResponse<String> api = http().get("/api/no/such/thing", "Authorization", f.basic());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(json(api).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void anUnknownAddressNeverEchoesMarkup() {
        Fixture f = fixture();
        // Tomcat refuses < and > in a path (400) before Hearth sees it; what gets through is escaped.
        HttpResponse<String> page = signedIn(f).get("/x&'y", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("/x&amp;&#39;y").doesNotContain("/x&'y");
    }

    @Test
    void theLiveStreamCarriesTheOwnersChangesAndNoOneElses() throws Exception {
        Fixture owner = fixture();
        Fixture stranger = fixture();
        Http browser = signedIn(owner);
        HttpResponse<Stream<String>> live = browser.lines("/live", "Accept", "text/event-stream");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        Iterator<String> lines = live.body().iterator();
        CompletableFuture<List<String>> received = CompletableFuture.supplyAsync(() -> {
            java.util.ArrayList<String> seen = new java.util.ArrayList<>();
            while (lines.hasNext()) {
                String line = lines.next();
                seen.add(line);
                if (line.contains(owner.lampId())) {
                    return seen;
                }
            }
            return seen;
        });
        Thread.sleep(300);
        // The stranger's lamp first, then the owner's: the stream must show only the second.
        command(stranger, stranger.lampId(), "on");
        command(owner, owner.lampId(), "on");
        List<String> seen = received.get(15, TimeUnit.SECONDS);
        live.body().close();

        assertThat(String.join("\n", seen)).doesNotContain(stranger.lampId()).contains("event:device")
                .contains("\"attribute\":\"switch\"").contains("\"value\":\"on\"");
    }

    @Test
    void theLiveStreamWhenSignedOutIsNotOpened() {
        HttpResponse<String> live = http().get("/live", "Accept", "text/event-stream");
        assertThat(live.statusCode()).isEqualTo(302);
        assertThat(live.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void authorizingAgainForTheSameLocationUpdatesThatInstallationAndRevokesItsOldTokens() {
        Fixture f = fixture();
        String first = token(f);
        String firstUri = endpoint(first).get("uri").asText();
        String code = authorize(f, Map.of("switches", List.of(f.kitchenId())));
        HttpResponse<String> exchanged = exchange(f, code);
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        String second = json(exchanged).get("access_token").asText();

        assertThat(json(http().get("/api/installations", "Authorization", f.basic())).size()).isEqualTo(1);
        assertThat(http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + first).statusCode())
                .as("the earlier token of the updated Installation").isEqualTo(401);
        assertThat(endpoint(second).get("uri").asText()).isEqualTo(firstUri);
        HttpResponse<String> switches = http().get(firstUri + "/switches", "Authorization", "Bearer " + second);
        assertThat(json(switches).findValuesAsString("name")).containsExactly("Kitchen");
    }

    @Test
    void theConsentPageNamesThePublisherAndTheRedirectHostAndEscapesTheAppsText() {
        Fixture f = fixture(resource("apps/flow-test.groovy").replace("name: \"Flow Test\"",
                "name: \"Flow <b>Test</b>\""), List.of("*"));
        HttpResponse<String> page = signInAndFollow(http(), authorizeUrl(f, "s"), f.username(), f.password());
        assertThat(page.body()).contains("the Hearth account <strong>" + f.username() + "</strong>")
                .contains("<dd id=\"redirect-host\"><strong>client.example.com</strong></dd>")
                .contains("Flow &lt;b&gt;Test&lt;/b&gt;").doesNotContain("<b>Test</b>");
    }

    private void command(Fixture f, String deviceId, String command) {
        HttpResponse<String> done = http().postJson("/api/devices/" + deviceId + "/commands",
                Map.of("command", command), "Authorization", f.basic());
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    }

    private Http signedIn(Fixture f) {
        Http browser = http();
        HttpResponse<String> login = browser.get("/login");
        HttpResponse<String> posted = browser.postForm("/login", Map.of("username", f.username(),
                "password", f.password(), "_csrf", Http.csrf(login.body())));
        assertThat(posted.statusCode()).isEqualTo(302);
        return browser;
    }

}
