package hearth.flow;

import hearth.support.Http;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web sessions in the database, and what a person sees when a form outlived its session; the
 * operator's metrics and probes. (Sessions across restarts and nodes: {@code cluster.TwoNodesIT}.)
 */
class WebSessionTest extends HearthTestBase {

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("sessions");
        registry.add("hearth.data-dir", () -> dir);
    }

    @Test
    void aSignedInSessionIsARowInTheDatabaseWithoutThePasswordOrItsHash() {
        Fixture f = fixture();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?").param(f.username())
                .query(Integer.class).single()).as("HTTP Basic calls make no session").isZero();
        signInAndFollow(http(), authorizeUrl(f, "s"), f.username(), f.password());
        List<String> ids = jdbc.sql("SELECT PRIMARY_ID FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?")
                .param(f.username()).query(String.class).list();
        assertThat(ids).hasSize(1);
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE username = ?").param(f.username())
                .query(String.class).single();
        List<byte[]> attributes = jdbc.sql("SELECT ATTRIBUTE_BYTES FROM SPRING_SESSION_ATTRIBUTES "
                + "WHERE SESSION_PRIMARY_ID = ?").param(ids.get(0)).query(byte[].class).list();
        assertThat(attributes).isNotEmpty();
        for (byte[] bytes : attributes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain(f.password()).doesNotContain(hash);
        }
    }

    @Test
    void aConsentFormPostedAfterItsSessionEndedGetsAPageThatStartsTheSameRequestAgain() {
        Fixture f = fixture();
        Http browser = http();
        String url = authorizeUrl(f, "stale-1");
        HttpResponse<String> page = signInAndFollow(browser, url, f.username(), f.password());
        // The session ends (expiry, a restart of an old Hearth, cookies cleared): a new browser posts the old form.
        Http sameTabLater = http();
        HttpResponse<String> posted = sameTabLater.postForm("/oauth/authorize", formOf(page, "allow"));
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("This page had expired").contains("Nothing was changed")
                .contains("Start connecting again").doesNotContain("Whitelabel");
        String restart = restartLink(posted.body());
        assertThat(restart).startsWith(url);
        // Following it starts the same authorization: sign in, and the consent is there again.
        HttpResponse<String> again = signInAndFollow(sameTabLater, restart, f.username(), f.password());
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("Lamp");
        HttpResponse<String> done = consent(sameTabLater, again, Map.of("switches", List.of(f.lampId())), "allow");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
        assertThat(Http.query(done.headers().firstValue("Location").orElseThrow())).containsEntry("state", "stale-1");
    }

    @Test
    void aConsentFormWhoseCsrfTokenWasReplacedBySigningInAgainGetsThePageToo() {
        Fixture f = fixture();
        Http browser = http();
        HttpResponse<String> page = signInAndFollow(browser, authorizeUrl(f, "stale-2"), f.username(), f.password());
        // Another tab signs in again: the session's CSRF token changes, the first tab's form is stale.
        browser.postForm("/login", Map.of("username", f.username(), "password", f.password(),
                "_csrf", Http.csrf(browser.get("/login").body())));
        HttpResponse<String> posted = browser.postForm("/oauth/authorize", formOf(page, "allow"));
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("This page had expired").contains("signed in again in another tab");
        assertThat(restartLink(posted.body())).startsWith(authorizeUrl(f, "stale-2"));
    }

    @Test
    void aStaleSignInFormGetsAFreshOne() {
        HttpResponse<String> posted = http().postForm("/login", Map.of("username", "someone", "password", "x",
                "_csrf", "a-token-from-a-session-long-gone"));
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("The sign-in form was open too long");
        assertThat(restartLink(posted.body())).isEqualTo("/login");
    }

    @Test
    void aForgedRestartIsNeverOffered() {
        for (String forged : List.of("https://evil.example/", "//evil.example/oauth/authorize?x=1",
                "/oauth/authorize?a=1\"><script>", "javascript:alert(1)", "/oauth/authorize/../../logout?")) {
            HttpResponse<String> posted = http().postForm("/oauth/authorize", Map.of("request", "r",
                    "_csrf", "stale", "_restart", forged));
            assertThat(posted.statusCode()).isEqualTo(403);
            assertThat(restartLink(posted.body())).as(forged).isEqualTo("/login");
            assertThat(posted.body()).doesNotContain("evil.example").doesNotContain("<script>");
        }
    }

    @Test
    void logOutEverywhereEndsTheWebSessions() {
        Fixture f = fixture();
        Http browser = http();
        signInAndFollow(browser, "/apps", f.username(), f.password(), "/apps");
        assertThat(browser.get("/apps").statusCode()).isEqualTo(200);
        HttpResponse<String> out = http().postJson("/api/accounts/me/logout-everywhere", Map.of(),
                "Authorization", f.basic());
        assertThat(out.statusCode()).isEqualTo(204);
        HttpResponse<String> after = browser.get("/apps");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
    }

    @Test
    void prometheusShowsHttpTokenAndSmartAppMetricsToALocalScraper() {
        Fixture f = fixture();
        String token = token(f);
        String uri = endpoint(token).get("uri").asText();
        assertThat(http().get(uri + "/switches", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = http().get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count{")
                .contains("uri=\"/oauth/token\"")
                // routed by hearth.api.InstallationApiMapping, which names the route as the annotation would
                .contains("uri=\"/api/smartapps/installations/{id}/**\"")
                .contains("hearth_tokens_issued_total{application=\"hearth\",grant=\"consent\"}")
                .contains("hearth_smartapp_calls_seconds_count{app=\"" + f.appId() + "\"")
                .contains("kind=\"api\"")
                .doesNotContain(token);
    }

    @Test
    void prometheusRefusesAClientThatAProxyForwarded() {
        // A reverse proxy on this host, trusted or not (none is by default): its clients are not local.
        for (String header : List.of("X-Forwarded-For", "Forwarded", "X-Real-IP")) {
            HttpResponse<String> forwarded = http().get("/actuator/prometheus", header, "203.0.113.9");
            assertThat(forwarded.statusCode()).as(header).isEqualTo(403);
            assertThat(forwarded.body()).contains("hearth.metrics.token");
        }
        HttpResponse<String> wrongToken = http().get("/actuator/prometheus", "Authorization", "Bearer guess");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
    }

    @Test
    void startupStepsAreAbsentWithoutTheSetting() {
        // hearth.startup-steps is off by default: Spring's no-op recorder, so no endpoint to answer
        // (with it on: StartupStepsOverHttpTest)
        HttpResponse<String> startup = http().get("/actuator/startup");
        assertThat(startup.statusCode()).isEqualTo(404);
        assertThat(startup.body()).doesNotContain("spring.context.refresh");
        assertThat(http().get("/actuator/startup", "X-Forwarded-For", "203.0.113.9").statusCode()).isEqualTo(403);
    }

    @Test
    void livenessAndReadinessAreSeparateProbes() {
        HttpResponse<String> live = http().get("/actuator/health/liveness");
        HttpResponse<String> ready = http().get("/actuator/health/readiness");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("UP");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("UP");
    }

    private static Map<String, Object> formOf(HttpResponse<String> page, String decision) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("request", Http.requestId(page.body()));
        form.put("_csrf", Http.csrf(page.body()));
        form.put("_restart", field(page.body(), "_restart"));
        form.put("decision", decision);
        return form;
    }

    private static String field(String html, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + name + "\"\\s+value=\"([^\"]*)\"")
                .matcher(html);
        assertThat(m.find()).as("no " + name + " in\n" + html).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    private static String restartLink(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<a class=\"button primary\" href=\"([^\"]*)\"")
                .matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1).replace("&amp;", "&");
    }
}
