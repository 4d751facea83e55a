package hearth.flow;

import hearth.support.Http;
import hearth.support.TestResources;
import hearth.support.MutableClock;
import hearth.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Hearth on a random port with a real database; subclasses pick the database. Helpers
 * here drive the flow the way a user's browser and a client's scripts do, over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@ActiveProfiles("test")
abstract class HearthTestBase {
    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    String base() {
        return "http://localhost:" + port;
    }

    Http http() {
        return new Http(base());
    }

    static String resource(String path) {
        return TestResources.read(path);
    }

    /** An account with a Location and devices, and a SmartApp it registered: all through the management API. */
    record Fixture(String username, String password, String basic, String locationId, String lampId,
                   String kitchenId, String lockId, String appId, String clientId, String clientSecret,
                   String redirectUri) {
    }

    Fixture fixture() {
        return fixture(resource("apps/flow-test.groovy"), List.of("*"));
    }

    Fixture fixture(String source, List<String> servers) {
        return fixture(source, servers, Map.of());
    }

    /** {@code options} adds registration fields, e.g. publicClient or legacyTokens. */
    Fixture fixture(String source, List<String> servers, Map<String, Object> options) {
        Http api = http();
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse " + UUID.randomUUID();
        assertThat(api.postJson("/api/accounts", Map.of("username", username, "password", password)).statusCode())
                .isEqualTo(201);
        String basic = Http.basic(username, password);
        HttpResponse<String> location = api.postJson("/api/locations", Map.of("name", "Home"), "Authorization", basic);
        assertThat(location.statusCode()).as(location.body()).isEqualTo(201);
        String locationId = json(location).get("id").asText();
        String lamp = device(api, basic, locationId, "Lamp", List.of("switch", "switchLevel"));
        String kitchen = device(api, basic, locationId, "Kitchen", List.of("switch"));
        String lock = device(api, basic, locationId, "Door Lock", List.of("lock"));
        String redirectUri = "https://client.example.com/callback";
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("source", source);
        registration.put("redirectUris", List.of(redirectUri));
        registration.put("servers", servers);
        registration.putAll(options);
        HttpResponse<String> app = api.postJson("/api/smartapps", registration, "Authorization", basic);
        assertThat(app.statusCode()).as(app.body()).isEqualTo(201);
        JsonNode body = json(app);
        return new Fixture(username, password, basic, locationId, lamp, kitchen, lock, body.get("id").asText(),
                body.get("clientId").asText(), body.has("clientSecret") ? body.get("clientSecret").asText() : null,
                redirectUri);
    }

    private static String device(Http api, String basic, String locationId, String label, List<String> capabilities) {
        HttpResponse<String> response = api.postJson("/api/locations/" + locationId + "/devices",
                Map.of("label", label, "capabilities", capabilities), "Authorization", basic);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asText();
    }

    String authorizeUrl(Fixture f, String state) {
        return "/oauth/authorize?response_type=code&client_id=" + Http.encode(f.clientId()) + "&scope=app"
                + "&redirect_uri=" + Http.encode(f.redirectUri()) + "&state=" + Http.encode(state);
    }

    /** A browser signed in as the fixture's account (its session cookie kept). */
    Http signedInAs(Fixture f) {
        Http browser = http();
        HttpResponse<String> login = browser.get("/login");
        browser.postForm("/login", Map.of("username", f.username(), "password", f.password(), "_csrf",
                Http.csrf(login.body())));
        return browser;
    }

    /** Signs in at the login page the authorize request sends us to; answers the page we land on. */
    HttpResponse<String> signInAndFollow(Http browser, String url, String username, String password) {
        return signInAndFollow(browser, url, username, password, "/oauth/authorize");
    }

    HttpResponse<String> signInAndFollow(Http browser, String url, String username, String password,
                                         String expectedPath) {
        HttpResponse<String> first = browser.get(url);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> login = browser.get("/login");
        HttpResponse<String> posted = browser.postForm("/login", Map.of("username", username, "password", password,
                "_csrf", Http.csrf(login.body())));
        assertThat(posted.statusCode()).isEqualTo(302);
        String next = posted.headers().firstValue("Location").orElseThrow();
        assertThat(next).contains(expectedPath);
        return browser.get(next);
    }

    /** Drives the consent pages to the end; answers the redirect to the client (302). */
    HttpResponse<String> consent(Http browser, HttpResponse<String> page, Map<String, List<String>> choices,
                                 String decision) {
        // A page shown again with an error answers 400, and still carries the form.
        assertThat(page.statusCode()).as(page.body()).isIn(200, 400);
        Map<String, Object> form = new LinkedHashMap<>(choices);
        form.put("request", Http.requestId(page.body()));
        form.put("_csrf", Http.csrf(page.body()));
        form.put("decision", decision);
        java.util.regex.Matcher location = java.util.regex.Pattern
                .compile("name=\"location\" value=\"([^\"]+)\"").matcher(page.body());
        if (location.find()) {
            form.put("location", location.group(1));
        }
        return browser.postForm("/oauth/authorize", form);
    }

    /** The whole consent: sign in, pick devices, allow; answers the code. */
    String authorize(Fixture f, Map<String, List<String>> choices) {
        return authorize(f, authorizeUrl(f, "xyz"), choices);
    }

    String authorize(Fixture f, String url, Map<String, List<String>> choices) {
        Http browser = http();
        HttpResponse<String> page = signInAndFollow(browser, url, f.username(), f.password());
        HttpResponse<String> redirect = consent(browser, page, choices, "allow");
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(f.redirectUri() + "?");
        Map<String, String> query = Http.query(location);
        assertThat(query).containsEntry("state", Http.query(url).get("state")).containsEntry("iss", base());
        return query.get("code");
    }

    HttpResponse<String> exchange(Fixture f, String code) {
        return http().postForm("/oauth/token", Map.of("grant_type", "authorization_code", "code", code,
                "client_id", f.clientId(), "client_secret", f.clientSecret(), "redirect_uri", f.redirectUri()));
    }

    /** Authorize with the lamp and kitchen switches, and exchange the code: the access token. */
    String token(Fixture f) {
        String code = authorize(f, Map.of("switches", List.of(f.lampId(), f.kitchenId())));
        HttpResponse<String> response = exchange(f, code);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }

    /** A second Installation of the same app in the same Location, added on purpose; its token. */
    String secondInstallationToken(Fixture f) {
        String code = authorize(f, Map.of("switches", List.of(f.lampId(), f.kitchenId()), "installation",
                List.of("new")));
        HttpResponse<String> response = exchange(f, code);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }

    JsonNode endpoint(String token) {
        HttpResponse<String> response = http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get(0);
    }
}
