package hearth.cluster;

import hearth.support.DurabilityLoad;
import hearth.support.HearthProcess;
import hearth.support.Http;
import hearth.support.PostgresDatabase;
import hearth.support.SimulatedBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two identical nodes (role both) over one PostgreSQL database, behind a round-robin balancer
 * (each request of a client goes to the other node): the whole classic flow, sessions, limits,
 * jobs, a {@code kill -9} of one node under load with the other carrying on, and its restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {
    private static final Duration START = Duration.ofSeconds(360);
    private static final int LIMIT = 250;

    private String database;
    private HearthProcess a;
    private HearthProcess b;
    private DurabilityLoad fixture;

    @BeforeAll
    void startTwoNodes() {
        database = PostgresDatabase.create();
        int portA = HearthProcess.freePort();
        int portB = HearthProcess.freePort();
        // Both nodes answer as the balancer's address would: one public URL (here node A's).
        List<String> common = List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.password=" + PostgresDatabase.password(), "--hearth.signup.enabled=true",
                "--hearth.public-url=http://127.0.0.1:" + portA, "--hearth.scheduler.poll=200ms",
                "--hearth.oauth.refresh-grace=5m", "--hearth.hubs.allow=127.0.0.1", "--hearth.hubs.lease=3s",
                "--hearth.hubs.key=two-nodes-share-one-hub-key-" + java.util.UUID.randomUUID());
        a = HearthProcess.start("node-a", portA, with(common, "--hearth.data-dir=target/it-data/node-a"), Map.of());
        // Node B also writes its log as JSON lines, the optional format for log collectors.
        b = HearthProcess.start("node-b", portB, with(common, "--hearth.data-dir=target/it-data/node-b"),
                Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "logstash"));
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> a.awaitHealthy(START)),
                CompletableFuture.runAsync(() -> b.awaitHealthy(START))).join();
        fixture = new DurabilityLoad(this::balanced, 3);
    }

    private static List<String> with(List<String> common, String more) {
        List<String> all = new java.util.ArrayList<>(common);
        all.add(more);
        return all;
    }

    @AfterAll
    void stop() {
        for (HearthProcess node : new HearthProcess[]{a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private Http balanced() {
        return new Http(List.of(a.url(), b.url()));
    }

    @Test
    @Order(1)
    void signInOnOneNodeConsentOnTheOtherCodeExchangeOnOneAndTheApiOnTheOther() {
        Http browser = balanced();   // A, B, A, B, ...
        String url = "/oauth/authorize?response_type=code&scope=app&client_id=" + fixture.clientId()
                + "&redirect_uri=" + Http.encode(fixture.redirectUri()) + "&state=two-nodes";
        assertThat(browser.get(url).statusCode()).isEqualTo(302);                      // A: sign in first
        HttpResponse<String> login = browser.get("/login");                              // B: the form, its CSRF token
        HttpResponse<String> signedIn = browser.postForm("/login", Map.of("username", fixture.username(),
                "password", fixture.password(), "_csrf", Http.csrf(login.body())));      // A: takes B's token
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).contains("/oauth/authorize");
        HttpResponse<String> consent = browser.get(signedIn.headers().firstValue("Location").orElseThrow()); // B
        String code = fixture.allow(browser, consent, fixture.dimmers());                // A: the pending request B made
        HttpResponse<String> token = fixture.exchange(new Http(b.url()), code);          // B
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String access = json(token).get("access_token").asText();
        String uri = fixture.uri(new Http(a.url()), access);                             // A
        HttpResponse<String> on = new Http(b.url()).send("PUT", uri + "/level/42", null, "Authorization",
                "Bearer " + access);                                                      // B
        assertThat(on.statusCode()).as(on.body()).isEqualTo(204);
        HttpResponse<String> refreshed = fixture.refresh(new Http(a.url()), json(token).get("refresh_token")
                .asText());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aRevocationOnOneNodeIsSeenByTheOtherAtOnce() {
        String access = fixture.connect(fixture.dimmers()).get("access_token").asText();
        Http nodeA = new Http(a.url());
        assertThat(nodeA.get("/api/smartapps/endpoints", "Authorization", "Bearer " + access).statusCode())
                .isEqualTo(200);
        assertThat(new Http(b.url()).postForm("/oauth/revoke", Map.of("token", access), "Authorization",
                Http.basic(fixture.clientId(), fixture.clientSecret())).statusCode()).isEqualTo(200);
        // Nodes of one Server check tokens in the database on every call: the bound is zero.
        assertThat(nodeA.get("/api/smartapps/endpoints", "Authorization", "Bearer " + access).statusCode())
                .isEqualTo(401);
    }

    @Test
    @Order(2)
    void theExecutionLimitIsCountedOnceAcrossBothNodes() {
        String access = fixture.connect(fixture.dimmers()).get("access_token").asText();
        String uri = fixture.uri(new Http(a.url()), access);
        Http balanced = balanced();
        int allowed = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < LIMIT + 40; i++) {
            last = balanced.get(uri + "/count", "Authorization", "Bearer " + access);
            if (last.statusCode() == 200) {
                allowed++;
            } else {
                assertThat(last.statusCode()).as(last.body()).isEqualTo(429);
            }
        }
        assertThat(allowed).as("calls allowed across both nodes in one window").isEqualTo(LIMIT);
        assertThat(last.headers().firstValue("X-RateLimit-Limit")).hasValue(String.valueOf(LIMIT));
    }

    @Test
    @Order(3)
    void theLoginThrottleCountsFailuresOnBothNodes() {
        String name = "throttled-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String right = "the right password " + java.util.UUID.randomUUID();
        assertThat(new Http(a.url()).postJson("/api/accounts", Map.of("username", name, "password", right))
                .statusCode()).isEqualTo(201);
        Http balanced = balanced();
        for (int i = 0; i < 5; i++) {
            assertThat(balanced.get("/api/locations", "Authorization", Http.basic(name, "wrong " + i)).statusCode())
                    .isEqualTo(401);
        }
        for (String node : List.of(a.url(), b.url())) {
            HttpResponse<String> refused = new Http(node).get("/api/locations", "Authorization",
                    Http.basic(name, right));
            assertThat(refused.statusCode()).as(node).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    @Order(3)
    void logOutEverywhereOnOneNodeEndsTheSessionsTheOtherServes() {
        Http browser = balanced();
        assertThat(fixture.openConsent(browser, "out").statusCode()).isEqualTo(200);
        assertThat(browser.get("/apps").statusCode()).isEqualTo(200);
        assertThat(browser.get("/apps").statusCode()).isEqualTo(200);
        assertThat(new Http(a.url()).postJson("/api/accounts/me/logout-everywhere", Map.of(), "Authorization",
                fixture.basic()).statusCode()).isEqualTo(204);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> after = browser.get("/apps");
            assertThat(after.statusCode()).isEqualTo(302);
            assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
        }
    }

    @Test
    @Order(4)
    void aRunInJobRunsExactlyOnceAcrossBothNodes() throws InterruptedException {
        String access = fixture.connect(fixture.dimmers()).get("access_token").asText();
        String uri = fixture.uri(balanced(), access);
        for (int i = 0; i < 3; i++) {
            assertThat(new Http(a.url()).send("PUT", uri + "/later/1", null, "Authorization", "Bearer " + access)
                    .statusCode()).isEqualTo(204);
        }
        // runIn replaces the handler's earlier job (classic overwrite): one wake-up is due.
        Thread.sleep(4_000);
        HttpResponse<String> counted = new Http(b.url()).get(uri + "/count", "Authorization", "Bearer " + access);
        assertThat(json(counted).get("woken").asInt()).as(counted.body()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void fortyEventsAndFortyCallsThroughBothNodesAreAllCountedOnce() throws Exception {
        String dimmer = fixture.dimmers().get(2);
        String access = fixture.connect(List.of(dimmer)).get("access_token").asText();
        String uri = fixture.uri(balanced(), access);
        assertThat(balanced().send("PUT", uri + "/listen/0", null, "Authorization", "Bearer " + access).statusCode())
                .isEqualTo(204);
        // 40 switch events recorded alternately on A and B, and 40 state increments by 4 clients at
        // once, each request to the other node: one Installation's handlers never run on two nodes
        // at once, and no state save loses another's update.
        Http events = balanced();
        CompletableFuture<Void> calls = CompletableFuture.allOf(java.util.stream.IntStream.range(0, 4)
                .mapToObj(t -> CompletableFuture.runAsync(() -> {
                    Http client = balanced();
                    for (int i = 0; i < 10; i++) {
                        HttpResponse<String> counted = client.postJson(uri + "/count", Map.of(), "Authorization",
                                "Bearer " + access);
                        assertThat(counted.statusCode()).as(counted.body()).isEqualTo(201);
                    }
                })).toArray(CompletableFuture[]::new));
        for (int i = 0; i < 40; i++) {
            assertThat(events.postJson("/api/devices/" + dimmer + "/commands", Map.of("command",
                    i % 2 == 0 ? "on" : "off"), "Authorization", fixture.basic()).statusCode() / 100).isEqualTo(2);
        }
        calls.join();
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode counted = json(new Http(a.url()).get(uri + "/count", "Authorization", "Bearer " + access));
        while (counted.get("heard").asInt() < 40 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            counted = json(new Http(a.url()).get(uri + "/count", "Authorization", "Bearer " + access));
        }
        // Read when the outbox is empty, so no event is left to be counted again.
        Instant drained = Instant.now().plusSeconds(60);
        while (a.metric("hearth_outbox_depth") != 0 && Instant.now().isBefore(drained)) {
            Thread.sleep(250);
        }
        counted = json(new Http(b.url()).get(uri + "/count", "Authorization", "Bearer " + access));
        System.out.println("TwoNodesIT: of 40 events and 40 calls through both nodes, counted " + counted
                + "; state saves that lost and ran again: A " + a.metric("hearth_state_conflicts_total") + ", B "
                + b.metric("hearth_state_conflicts_total"));
        assertThat(counted.get("heard").asInt()).as("events counted").isEqualTo(40);
        assertThat(counted.get("count").asInt()).as("calls counted").isEqualTo(40);
    }

    @Test
    @Order(4)
    void aSmartAppUpdateOnOneNodeReachesTheOtherWithinTheStatedTwoSeconds() throws InterruptedException {
        String access = fixture.connect(fixture.dimmers()).get("access_token").asText();
        String uri = fixture.uri(new Http(a.url()), access);
        Http nodeA = new Http(a.url());
        assertThat(nodeA.get(uri + "/version", "Authorization", "Bearer " + access).statusCode()).isEqualTo(404);
        String source = hearth.support.TestResources.read("apps/durability-test.groovy").replace("mappings {",
                "mappings {\n    path(\"/version\") {\n        action: [GET: \"version\"]\n    }")
                + "\ndef version() {\n    [version: 2]\n}\n";
        HttpResponse<String> updated = new Http(b.url()).putJson("/api/smartapps/" + fixture.appId(),
                Map.of("source", source), "Authorization", fixture.basic());
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        long start = System.nanoTime();
        int status = 404;
        while (status != 200 && System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
            status = nodeA.get(uri + "/version", "Authorization", "Bearer " + access).statusCode();
            Thread.sleep(100);
        }
        Duration seen = Duration.ofNanos(System.nanoTime() - start);
        assertThat(status).isEqualTo(200);
        // The bound is 2 s (SmartAppService re-reads an app's record at most every 2 s); the rest is one
        // request and a compile of the new source on a loaded machine.
        assertThat(seen).as("staleness across nodes").isLessThan(Duration.ofSeconds(6));
    }

    @Test
    @Order(5)
    void theJsonLogFormatIsOneObjectPerLineAndHoldsNoSecret() throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(b.log()).stream()
                .filter(l -> l.startsWith("{")).toList();
        assertThat(lines).hasSizeGreaterThan(5);
        for (String line : lines.subList(0, 5)) {
            JsonNode node = tools.jackson.databind.json.JsonMapper.builder().build().readTree(line);
            assertThat(node.has("@timestamp")).isTrue();
            assertThat(node.has("message")).isTrue();
        }
        String all = String.join("\n", java.nio.file.Files.readAllLines(b.log()));
        assertThat(all).doesNotContain(fixture.password()).doesNotContain(fixture.clientSecret());
    }

    @Test
    @Order(6)
    void readinessFollowsTheDatabaseAndLivenessDoesNot() throws Exception {
        Http nodeB = new Http(b.url());
        assertThat(nodeB.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        String name = database.substring(database.lastIndexOf('/') + 1);
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        try {
            int ready = 200;
            Instant deadline = Instant.now().plusSeconds(30);
            while (ready == 200 && Instant.now().isBefore(deadline)) {
                ready = slowProbe(b.url() + "/actuator/health/readiness");
            }
            assertThat(ready).as("readiness without a database").isEqualTo(503);
            assertThat(nodeB.get("/actuator/health/liveness").statusCode()).as("liveness").isEqualTo(200);
        } finally {
            admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        }
        Instant deadline = Instant.now().plusSeconds(60);
        int ready = 503;
        while (ready != 200 && Instant.now().isBefore(deadline)) {
            ready = nodeB.get("/actuator/health/readiness").statusCode();
            Thread.sleep(250);
        }
        assertThat(ready).as("readiness once the database is back").isEqualTo(200);
    }

    /**
     * A probe that may take as long as the pool's wait for a connection (Hikari's 30 s): once the
     * database refuses connections, the pool may hold no broken one for the check to fail on at
     * once, and then the answer 503 comes after that wait, past the test client's own 30 s.
     */
    private static int slowProbe(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    @Order(7)
    void killNineOfOneNodeUnderLoadLosesNothingAndTheOtherCarriesOn() throws InterruptedException {
        DurabilityLoad load = new DurabilityLoad(this::balanced, 3).start();
        Thread.sleep(10_000);
        a.kill();
        Map<String, Integer> before = load.acknowledged();
        load.stop();
        // Node B alone: every write either node acknowledged is there, and B serves a whole new flow.
        // A refresh on the wire at the kill is presented again, and gets its pair (the grace window).
        load.use(() -> Http.standingIn(b.url(), a.url()));   // what a balancer does once A fails its probe
        Map<String, Integer> found = load.verify(false, false);
        JsonNode fresh = load.connect(load.dimmers());
        assertThat(fresh.get("access_token").asText()).isNotBlank();
        a = a.restart().awaitHealthy(START);
        // Both again: the session signed in before the kill is still signed in (a restart logs nobody out).
        load.use(this::balanced);
        Map<String, Integer> checked = load.verify(false);
        System.out.println("TwoNodesIT PostgreSQL: acknowledged before kill -9 of node A " + before + "; found on B "
                + found + " and after A's restart " + checked);
    }

    @Test
    @Order(8)
    void aHubIsConnectedByExactlyOneNodeCommandsThroughTheOtherReachItAndItMovesWhenItsNodeDies()
            throws InterruptedException {
        SimulatedBridge bridge = new SimulatedBridge("127.0.0.1", 1883, "two-nodes-" + java.util.UUID.randomUUID());
        try {
            bridge.devices(tools.jackson.databind.json.JsonMapper.builder().build()
                    .readTree(hearth.support.TestResources.read("hub/zigbee2mqtt-bridge-devices.json")).get("devices")
                    .toString());
            // A password sealed on one node opens on the other: both have the Server's hub key.
            HttpResponse<String> created = balanced().postJson("/api/locations/" + fixture.locationId() + "/hubs",
                    Map.of("name", "Zigbee", "url", "tcp://127.0.0.1:1883", "username", "hearth", "password",
                            "broker-secret-2", "zigbee2mqttBaseTopic", bridge.base(), "tasmotaDiscovery", false,
                            "discoveryPrefix", "ha-" + java.util.UUID.randomUUID()), "Authorization", fixture.basic());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String hubId = json(created).get("id").asText();
            // Both nodes say it is online (the one holding it as it sees it, the other as the holder wrote it),
            // and exactly one of them holds the connection.
            for (HearthProcess node : List.of(a, b)) {
                eventuallyTrue(() -> "online".equals(json(new Http(node.url()).get("/api/hubs/" + hubId,
                        "Authorization", fixture.basic())).get("status").asText()), "online as " + node.url() + " says");
            }
            eventuallyTrue(() -> online(a) + online(b) == 1 && json(new Http(a.url()).get("/api/hubs/" + hubId,
                    "Authorization", fixture.basic())).get("deviceCount").asInt() == 10, "one connection, ten devices");
            Thread.sleep(2_000); // a renewal later: still one
            assertThat(online(a) + online(b)).as("hub connections across both nodes").isEqualTo(1);
            HearthProcess holder = online(a) == 1 ? a : b;
            HearthProcess other = holder == a ? b : a;
            String bulb = null;
            for (JsonNode d : json(new Http(other.url()).get("/api/locations/" + fixture.locationId() + "/devices",
                    "Authorization", fixture.basic()))) {
                if (d.get("label").asText().equals("living_room_bulb")) {
                    bulb = d.get("id").asText();
                }
            }
            assertThat(bulb).isNotNull();
            // A command taken by the node that doesn't hold the connection reaches the bridge through the one that does.
            HttpResponse<String> on = new Http(other.url()).postJson("/api/devices/" + bulb + "/commands",
                    Map.of("command", "on"), "Authorization", fixture.basic());
            assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
            eventuallyTrue(() -> bridge.commands.contains(bridge.base() + "/living_room_bulb/set {\"state\":\"ON\"}"),
                    "the other node's command reached the bridge");
            // The holder dies: the other node takes the hub over within its lease (3 s here) and carries on.
            long killed = System.nanoTime();
            holder.kill();
            eventuallyTrue(() -> online(other) == 1, "the other node holds the hub");
            Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
            String device = bulb;
            HttpResponse<String> level = new Http(other.url()).postJson("/api/devices/" + device + "/commands",
                    Map.of("command", "setLevel", "arguments", List.of(100)), "Authorization", fixture.basic());
            assertThat(level.statusCode()).as(level.body()).isEqualTo(200);
            eventuallyTrue(() -> bridge.commands.contains(bridge.base() + "/living_room_bulb/set {\"brightness\":254}"),
                    "a command after the takeover reached the bridge");
            System.out.println("TwoNodesIT hubs: one connection across both nodes; a command through the other node "
                    + "reached the bridge; after kill -9 of the holder the other held the hub in "
                    + takeover.toMillis() + " ms (lease 3 s)");
        } finally {
            bridge.close();
        }
    }

    private static double online(HearthProcess node) {
        double v = node.metric("hearth_hub_connections", "status=\"online\"");
        return Double.isNaN(v) ? 0 : v;
    }

    private static void eventuallyTrue(java.util.function.Supplier<Boolean> condition, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(40);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 40 s: " + what);
            }
            Thread.sleep(200);
        }
    }

    private static void admin(String... statements) throws SQLException {
        String url = System.getenv().getOrDefault("HEARTH_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        try (Connection c = DriverManager.getConnection(url, PostgresDatabase.user(), PostgresDatabase.password());
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
