package hearth.cluster;

import hearth.support.HearthProcess;
import hearth.support.Http;
import hearth.support.PostgresDatabase;
import hearth.support.TestResources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three processes, as SPEC §5 describes them: a global server and two shards, na01 on an H2 file
 * and eu01 on PostgreSQL, each with its own database. The whole flow runs for Locations on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardTopologyIT {
    private static final Duration START = Duration.ofMinutes(6); // a process that dies is reported at once; a loaded machine may need minutes
    private static final Pattern LOCATION_RADIO = Pattern.compile("<input type=\"radio\" name=\"location\" "
            + "value=\"([^\"]+)\"([^>]*)>");

    private HearthProcess global;
    private HearthProcess na01;
    private HearthProcess eu01;

    private String username;
    private String password;
    private String basic;
    private String home;   // on na01
    private String cabin;  // on eu01
    private String homeLamp;
    private String cabinLamp;
    private JsonNode app;
    private JsonNode naOnlyApp;
    private String redirectUri = "https://client.example.com/callback";

    @BeforeAll
    void startThreeServers() throws IOException {
        String secret = UUID.randomUUID().toString();
        Map<String, String> env = Map.of("HEARTH_CLUSTER_SECRET", secret);
        Path data = Files.createDirectories(Path.of("target", "it-data", "cluster-" + System.nanoTime()))
                .toAbsolutePath();
        int globalPort = HearthProcess.freePort();
        int naPort = HearthProcess.freePort();
        int euPort = HearthProcess.freePort();
        String globalUrl = "http://127.0.0.1:" + globalPort;
        List<String> shard = List.of("--hearth.role=shard", "--hearth.global-url=" + globalUrl,
                "--hearth.cluster.token-cache=2s", "--hearth.demo.enabled=false");
        List<String> naArgs = new ArrayList<>(shard);
        naArgs.addAll(List.of("--hearth.server-name=na01", "--hearth.data-dir=" + data.resolve("na01"),
                "--hearth.public-url=http://127.0.0.1:" + naPort));
        List<String> euArgs = new ArrayList<>(shard);
        euArgs.addAll(List.of("--hearth.server-name=eu01", "--hearth.data-dir=" + data.resolve("eu01"),
                "--hearth.public-url=http://127.0.0.1:" + euPort, "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + PostgresDatabase.create(),
                "--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.password=" + PostgresDatabase.password()));
        na01 = HearthProcess.start("na01", naPort, naArgs, env);
        eu01 = HearthProcess.start("eu01", euPort, euArgs, env);
        global = HearthProcess.start("global", globalPort, List.of("--hearth.role=global",
                "--hearth.server-name=global", "--hearth.data-dir=" + data.resolve("global"),
                "--hearth.public-url=" + globalUrl, "--hearth.demo.enabled=false",
                "--hearth.servers.na01=" + na01.url(), "--hearth.servers.eu01=" + eu01.url()), env);
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> na01.awaitHealthy(START)),
                CompletableFuture.runAsync(() -> eu01.awaitHealthy(START)),
                CompletableFuture.runAsync(() -> global.awaitHealthy(START))).join();
        seed();
    }

    @AfterAll
    void stopServers() {
        for (HearthProcess process : new HearthProcess[]{global, na01, eu01}) {
            if (process != null) {
                process.close();
            }
        }
    }

    private void seed() {
        Http api = new Http(global.url());
        username = "traveller-" + UUID.randomUUID().toString().substring(0, 6);
        password = "a long password " + UUID.randomUUID();
        basic = Http.basic(username, password);
        assertThat(api.postJson("/api/accounts", Map.of("username", username, "password", password)).statusCode())
                .isEqualTo(201);
        home = created(api.postJson("/api/locations", Map.of("name", "Home", "server", "na01"), "Authorization", basic));
        cabin = created(api.postJson("/api/locations", Map.of("name", "Cabin", "server", "eu01"),
                "Authorization", basic));
        homeLamp = created(api.postJson("/api/locations/" + home + "/devices", Map.of("label", "Home Lamp",
                "capabilities", List.of("switch")), "Authorization", basic));
        cabinLamp = created(api.postJson("/api/locations/" + cabin + "/devices", Map.of("label", "Cabin Lamp",
                "capabilities", List.of("switch")), "Authorization", basic));
        String source = source();
        app = json(api.postJson("/api/smartapps", Map.of("source", source, "redirectUris", List.of(redirectUri),
                "servers", List.of("*")), "Authorization", basic));
        // A second app of the same account: a name of its own (a developer registers a name once).
        String naOnly = source.replace("name: \"Flow Test\"", "name: \"Flow Test (na01)\"");
        naOnlyApp = json(api.postJson("/api/smartapps", Map.of("source", naOnly, "redirectUris",
                List.of(redirectUri), "servers", List.of("na01")), "Authorization", basic));
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asText();
    }

    private static String source() {
        return TestResources.read("apps/flow-test.groovy");
    }

    /** Signs in on the global server and opens the consent for the app: answers the browser and the page. */
    private Map.Entry<Http, HttpResponse<String>> open(JsonNode smartApp) {
        Http browser = new Http(global.url());
        String url = "/oauth/authorize?response_type=code&scope=app&client_id=" + smartApp.get("clientId").asText()
                + "&redirect_uri=" + Http.encode(redirectUri) + "&state=s";
        assertThat(browser.get(url).statusCode()).isEqualTo(302);
        HttpResponse<String> login = browser.get("/login");
        HttpResponse<String> signedIn = browser.postForm("/login", Map.of("username", username, "password", password,
                "_csrf", Http.csrf(login.body())));
        return Map.entry(browser, browser.get(signedIn.headers().firstValue("Location").orElseThrow()));
    }

    private HttpResponse<String> choose(Http browser, HttpResponse<String> page, Map<String, Object> fields) {
        Map<String, Object> form = new LinkedHashMap<>(fields);
        form.put("request", Http.requestId(page.body()));
        form.put("_csrf", Http.csrf(page.body()));
        return browser.postForm("/oauth/authorize", form);
    }

    /** The whole consent for a Location, then the token: answers the token response. */
    private JsonNode connect(String location, String lamp) {
        return connect(app, location, lamp);
    }

    private JsonNode connect(JsonNode smartApp, String location, String lamp) {
        Map.Entry<Http, HttpResponse<String>> opened = open(smartApp);
        HttpResponse<String> devices = choose(opened.getKey(), opened.getValue(), Map.of("location", location));
        assertThat(devices.statusCode()).as(devices.body()).isEqualTo(200);
        HttpResponse<String> redirect = choose(opened.getKey(), devices, Map.of("location", location,
                "switches", lamp, "decision", "allow"));
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        String code = Http.query(redirect.headers().firstValue("Location").orElseThrow()).get("code");
        HttpResponse<String> token = new Http(global.url()).postForm("/oauth/token", Map.of("grant_type",
                "authorization_code", "code", code, "redirect_uri", redirectUri),
                "Authorization", Http.basic(smartApp.get("clientId").asText(), smartApp.get("clientSecret").asText()));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return json(token);
    }

    private JsonNode endpoint(String token) {
        HttpResponse<String> response = new Http(global.url()).get("/api/smartapps/endpoints",
                "Authorization", "Bearer " + token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get(0);
    }

    @Test
    @Order(1)
    void theGlobalServerListsLocationsOfEveryShard() {
        HttpResponse<String> page = open(app).getValue();
        Matcher radios = LOCATION_RADIO.matcher(page.body());
        List<String> selectable = new ArrayList<>();
        while (radios.find()) {
            if (!radios.group(2).contains("disabled")) {
                selectable.add(radios.group(1));
            }
        }
        assertThat(selectable).containsExactlyInAnyOrder(home, cabin);
        assertThat(page.body()).contains("Home").contains("Cabin").contains("na01").contains("eu01");
    }

    @Test
    @Order(2)
    void endpointsNameEachInstallationsOwnShard() {
        String homeToken = connect(home, homeLamp).get("access_token").asText();
        String cabinToken = connect(cabin, cabinLamp).get("access_token").asText();
        JsonNode homeEndpoint = endpoint(homeToken);
        JsonNode cabinEndpoint = endpoint(cabinToken);
        assertThat(homeEndpoint.get("base_url").asText()).isEqualTo(na01.url());
        assertThat(cabinEndpoint.get("base_url").asText()).isEqualTo(eu01.url());
        assertThat(homeEndpoint.get("location").get("name").asText()).isEqualTo("Home");

        HttpResponse<String> homeSwitches = new Http(na01.url()).get(homeEndpoint.get("uri").asText() + "/switches",
                "Authorization", "Bearer " + homeToken);
        assertThat(homeSwitches.statusCode()).as(homeSwitches.body()).isEqualTo(200);
        assertThat(homeSwitches.body()).contains("Home Lamp").doesNotContain("Cabin Lamp");
        HttpResponse<String> on = new Http(eu01.url()).send("PUT", cabinEndpoint.get("uri").asText() + "/switches/on",
                null, "Authorization", "Bearer " + cabinToken);
        assertThat(on.statusCode()).as(on.body()).isEqualTo(204);
        HttpResponse<String> lamp = new Http(global.url()).get("/api/devices/" + cabinLamp, "Authorization", basic);
        assertThat(json(lamp).get("attributes").get("switch").get("value").asText()).isEqualTo("on");
    }

    @Test
    @Order(3)
    void aTokenForShardAIsRefusedOnShardB() {
        String homeToken = connect(home, homeLamp).get("access_token").asText();
        String url = endpoint(homeToken).get("url").asText();
        HttpResponse<String> wrongShard = new Http(eu01.url()).get(eu01.url() + url + "/switches",
                "Authorization", "Bearer " + homeToken);
        assertThat(wrongShard.statusCode()).isEqualTo(403);
        assertThat(json(wrongShard).get("type").asText()).isEqualTo("AccessDenied");
        HttpResponse<String> notAShardThing = new Http(na01.url()).get("/oauth/authorize");
        assertThat(notAShardThing.statusCode()).isEqualTo(404);
        assertThat(json(notAShardThing).get("error_description").asText()).contains("global server");
    }

    @Test
    @Order(4)
    void revocationReachesTheShardWithinTheCacheBound() {
        JsonNode tokens = connect(home, homeLamp);
        String token = tokens.get("access_token").asText();
        String uri = endpoint(token).get("uri").asText();
        Http shard = new Http(na01.url());
        assertThat(shard.get(uri + "/switches", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = new Http(global.url()).postForm("/oauth/revoke", Map.of("token", token),
                "Authorization", Http.basic(app.get("clientId").asText(), app.get("clientSecret").asText()));
        assertThat(revoked.statusCode()).isEqualTo(200);
        Instant deadline = Instant.now().plusSeconds(10);
        int status = 200;
        while (status == 200 && Instant.now().isBefore(deadline)) {
            status = shard.get(uri + "/switches", "Authorization", "Bearer " + token).statusCode();
            sleep(250);
        }
        assertThat(status).isEqualTo(401);
    }

    @Test
    @Order(5)
    void anUnpublishedSmartAppIsExplainedNotA500() {
        // Only Home fits, so the Location step is skipped; Cabin is still named, with the reason.
        Map.Entry<Http, HttpResponse<String>> opened = open(naOnlyApp);
        HttpResponse<String> page = opened.getValue();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Home Lamp").contains("Cabin")
                .contains("not published to the server &#39;eu01&#39;");
        // Choosing it anyway, as a script might, is refused with the same words and no 500.
        HttpResponse<String> forced = choose(opened.getKey(), page, Map.of("location", cabin));
        assertThat(forced.statusCode()).isEqualTo(400);
        assertThat(forced.body()).contains("not published to the server &#39;eu01&#39;");
        Matcher radios = LOCATION_RADIO.matcher(forced.body());
        Map<String, Boolean> disabled = new LinkedHashMap<>();
        while (radios.find()) {
            disabled.put(radios.group(1), radios.group(2).contains("disabled"));
        }
        assertThat(disabled).as(forced.body()).containsEntry(home, false).containsEntry(cabin, true);
    }

    @Test
    @Order(6)
    void deletingASmartAppUninstallsItOnEveryShardAndTheShardsForgetTheirCopies() throws IOException {
        String source = source().replace("name: \"Flow Test\"", "name: \"Flow Test (deleted)\"");
        JsonNode doomed = json(new Http(global.url()).postJson("/api/smartapps", Map.of("source", source,
                "redirectUris", List.of(redirectUri), "servers", List.of("*")), "Authorization", basic));
        String homeToken = connect(doomed, home, homeLamp).get("access_token").asText();
        String cabinToken = connect(doomed, cabin, cabinLamp).get("access_token").asText();
        String cabinUri = endpoint(cabinToken).get("uri").asText();

        HttpResponse<String> deleted = new Http(global.url()).send("DELETE", "/api/smartapps/"
                + doomed.get("id").asText(), null, "Authorization", basic);

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(json(deleted).get("installationsRemoved").asInt()).isEqualTo(2);
        Http shard = new Http(eu01.url());
        Instant deadline = Instant.now().plusSeconds(10);
        int status = 200;
        while (status == 200 && Instant.now().isBefore(deadline)) {
            status = shard.get(cabinUri + "/switches", "Authorization", "Bearer " + cabinToken).statusCode();
            sleep(250);
        }
        assertThat(status).isEqualTo(401);
        assertThat(new Http(global.url()).get("/api/smartapps/endpoints", "Authorization", "Bearer " + homeToken)
                .statusCode()).isEqualTo(401);
        assertThat(json(new Http(global.url()).get("/api/installations", "Authorization", basic)).toString())
                .doesNotContain(doomed.get("id").asText());
        assertThat(Files.readString(global.log())).doesNotContain("could not drop its copy");
    }

    @Test
    @Order(7)
    void aStoppedShardGets503AndTheOtherKeepsWorking() {
        JsonNode tokens = connect(home, homeLamp);
        String token = tokens.get("access_token").asText();
        String homeUri = endpoint(token).get("uri").asText();
        eu01.close();

        HttpResponse<String> cabinDevices = new Http(global.url()).get("/api/locations/" + cabin + "/devices",
                "Authorization", basic);
        assertThat(cabinDevices.statusCode()).isEqualTo(503);
        assertThat(json(cabinDevices).get("error_description").asText()).contains("eu01");

        Map.Entry<Http, HttpResponse<String>> opened = open(app);
        HttpResponse<String> cabinConsent = choose(opened.getKey(), opened.getValue(), Map.of("location", cabin));
        assertThat(cabinConsent.statusCode()).isEqualTo(503);
        assertThat(cabinConsent.body()).contains("eu01");

        assertThat(new Http(na01.url()).get(homeUri + "/switches", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);
        assertThat(new Http(global.url()).get("/api/locations/" + home + "/devices", "Authorization", basic)
                .statusCode()).isEqualTo(200);
        assertThat(new Http(global.url()).get("/api/installations", "Authorization", basic).statusCode())
                .isEqualTo(200);

        // Deleting an app needs every Server, to uninstall it everywhere: nothing changes meanwhile.
        HttpResponse<String> refused = new Http(global.url()).send("DELETE", "/api/smartapps/"
                + naOnlyApp.get("id").asText(), null, "Authorization", basic);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(json(refused).get("error_description").asText()).contains("eu01");
        assertThat(new Http(global.url()).get("/api/smartapps/" + naOnlyApp.get("id").asText(), "Authorization", basic)
                .statusCode()).isEqualTo(200);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
