package hearth.flow;

import hearth.support.Http;
import hearth.support.SimulatedBridge;
import hearth.support.TestDataDirs;
import hearth.support.TestResources;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routines through the management API, and what a classic app's pages show of them, of modes, of
 * its own name, of an href's params and of the Location's hubs (issue 17), through a real server
 * (and the real Mosquitto for a hub).
 */
class RoutinesAndPagesOverHttpTest extends HearthTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("routines-pages");
        registry.add("hearth.data-dir", () -> dir);
    }

    private Fixture app() {
        return fixture(resource("apps/classic-pages-test.groovy"), List.of("*"));
    }

    private String tokenFor(Fixture f, Map<String, List<String>> choices) {
        HttpResponse<String> response = exchange(f, authorize(f, choices));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }

    private JsonNode probe(String token) {
        HttpResponse<String> response = http().get(endpoint(token).get("uri").asText() + "/probe", "Authorization",
                "Bearer " + token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static void eventually(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 20 s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void anOwnerListsRunsAndChangesRoutinesItsAppsHearThemAndTheAuditLogHasThem() {
        Fixture f = app();
        String token = tokenFor(f, Map.of("switches", List.of(f.lampId())));
        String routines = "/api/locations/" + f.locationId() + "/routines";

        JsonNode listed = json(http().get(routines, "Authorization", f.basic()));
        assertThat(listed.toString()).isEqualTo("[{\"id\":\"good-morning\",\"label\":\"Good Morning!\",\"mode\":\"Home\"},"
                + "{\"id\":\"goodbye\",\"label\":\"Goodbye!\",\"mode\":\"Away\"},"
                + "{\"id\":\"good-night\",\"label\":\"Good Night!\",\"mode\":\"Night\"},"
                + "{\"id\":\"im-back\",\"label\":\"I'm Back!\",\"mode\":\"Home\"}]");

        HttpResponse<String> changed = http().putJson(routines + "/goodbye", Map.of("mode", "Night"), "Authorization",
                f.basic());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("mode").asText()).isEqualTo("Night");
        HttpResponse<String> badMode = http().putJson(routines + "/goodbye", Map.of("mode", "Moon"), "Authorization",
                f.basic());
        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(badMode.body()).contains("mode must be one of [Home, Away, Night]");

        // by label, as classic's execute took it
        HttpResponse<String> ran = http().send("POST", routines + "/" + Http.encode("Goodbye!").replace("+", "%20")
                + "/execute", "", "Authorization", f.basic());
        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(200);
        assertThat(json(ran).get("id").asText()).isEqualTo("goodbye");
        assertThat(json(ran).get("mode").asText()).isEqualTo("Night");
        assertThat(json(http().get("/api/locations", "Authorization", f.basic())).get(0).get("mode").asText())
                .isEqualTo("Night");
        eventually(() -> "Goodbye!=goodbye".equals(probe(token).path("ran").asText(null)),
                "the app's routineExecuted handler ran");
        JsonNode audit = json(http().get("/api/audit", "Authorization", f.basic()));
        assertThat(audit.toString()).contains("ROUTINE_EXECUTED").contains("ran the routine Goodbye! in Location Home")
                .contains("ROUTINE_CHANGED").contains("now sets mode Night");

        HttpResponse<String> unknown = http().send("POST", routines + "/nope/execute", "", "Authorization", f.basic());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no routine 'nope'").contains("good-morning");
        Fixture other = fixture();
        assertThat(http().get(routines, "Authorization", other.basic()).statusCode()).isEqualTo(404);
        assertThat(http().send("POST", routines + "/goodbye/execute", "", "Authorization", other.basic()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theConsentOffersTheLocationsModesForAModeInputAndRefusesAnotherMode() {
        Fixture f = app();
        Http browser = http();
        HttpResponse<String> page = signInAndFollow(browser, authorizeUrl(f, "m1"), f.username(), f.password());
        assertThat(page.body()).contains("name=\"homeMode\"").contains("<option value=\"Night\">Night</option>")
                .contains("name=\"activeModes\" multiple=\"multiple\"");
        HttpResponse<String> refused = consent(browser, page, Map.of("switches", List.of(f.lampId()),
                "homeMode", List.of("Moon")), "allow");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("&#39;homeMode&#39; must be one of the Location&#39;s modes");
        HttpResponse<String> allowed = consent(browser, refused, Map.of("switches", List.of(f.lampId()),
                "homeMode", List.of("Away"), "activeModes", List.of("Home", "Night")), "allow");
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(302);
        HttpResponse<String> tokens = exchange(f, Http.query(allowed.headers().firstValue("Location").orElseThrow())
                .get("code"));
        JsonNode probe = probe(json(tokens).get("access_token").asText());
        assertThat(probe.get("homeMode").asText()).isEqualTo("Away");
        assertThat(probe.get("activeModes").toString()).isEqualTo("[\"Home\",\"Night\"]");
    }

    @Test
    void anInstallationsPageShowsRoutinesModesItsNameAndHrefParamsAndSavesThem() {
        Fixture f = app();
        String token = tokenFor(f, Map.of("switches", List.of(f.lampId())));
        String installation = json(http().get("/api/installations", "Authorization", f.basic())).get(0).get("id")
                .asText();
        Http browser = http();
        HttpResponse<String> page = signInAndFollow(browser, "/apps/" + installation + "/page", f.username(),
                f.password(), "/apps/");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<option value=\"Good Morning!\">Good Morning!</option>")
                .contains("<option value=\"I&#39;m Back!\">I&#39;m Back!</option>")
                .contains("name=\"activeModes\" multiple=\"multiple\"").contains("<option value=\"Away\">Away</option>")
                .contains("name=\"hearth.label\" value=\"Classic Pages Test\"")
                .contains("href=\"/apps/" + installation + "/pages/room?room=kitchen\"")
                .contains("Hubs</strong>\n          <span class=\"text\">Hearth</span>");

        HttpResponse<String> room = browser.get("/apps/" + installation + "/pages/room?room=kitchen");
        assertThat(room.statusCode()).as(room.body()).isEqualTo(200);
        assertThat(room.body()).contains("Room kitchen").contains("room=kitchen");

        Map<String, Object> form = new LinkedHashMap<>();
        form.put("_csrf", Http.csrf(page.body()));
        form.put("switches", List.of(f.lampId()));
        form.put("routine", "Good Night!");
        form.put("activeModes", List.of("Away", "Night"));
        form.put("homeMode", "Home");
        form.put("hearth.label", "  Hall panel  ");
        HttpResponse<String> saved = browser.postForm("/apps/" + installation + "/pages/mainPage", form);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        JsonNode probe = probe(token);
        assertThat(probe.get("label").asText()).isEqualTo("Hall panel");
        assertThat(probe.get("routine").asText()).isEqualTo("Good Night!");
        assertThat(probe.get("activeModes").toString()).isEqualTo("[\"Away\",\"Night\"]");
        assertThat(probe.get("homeMode").asText()).isEqualTo("Home");
        assertThat(json(http().get("/api/installations", "Authorization", f.basic())).get(0).get("label").asText())
                .isEqualTo("Hall panel");
        HttpResponse<String> again = browser.get("/apps/" + installation + "/pages/mainPage");
        assertThat(again.body()).contains("<option value=\"Night\" selected=\"selected\">Night</option>")
                .contains("name=\"hearth.label\" value=\"Hall panel\"");

        form.put("_csrf", Http.csrf(again.body()));
        form.put("homeMode", "Moon");
        HttpResponse<String> refused = browser.postForm("/apps/" + installation + "/pages/mainPage", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("must be one of the Location&#39;s modes [Home, Away, Night]");
        form.put("homeMode", "Home");
        form.put("hearth.label", " ");
        assertThat(browser.postForm("/apps/" + installation + "/pages/mainPage", form).statusCode()).isEqualTo(400);
        assertThat(probe(token).get("label").asText()).isEqualTo("Hall panel");
    }

    @Test
    void anAppSeesTheLocationsRealHubsBeforeItsVirtualOneAndEachDevicesHub() {
        Fixture f = app();
        SimulatedBridge bridge = new SimulatedBridge("127.0.0.1", 1883, "hearth-test-" + UUID.randomUUID());
        try {
            bridge.devices(JsonMapper.builder().build().readTree(TestResources.read(
                    "hub/zigbee2mqtt-bridge-devices.json")).get("devices").toString());
            HttpResponse<String> hub = http().postJson("/api/locations/" + f.locationId() + "/hubs", Map.of("name",
                    "Attic Zigbee", "url", "tcp://127.0.0.1:1883", "username", "hearth", "password", "broker-secret-1",
                    "zigbee2mqttBaseTopic", bridge.base(), "tasmotaDiscovery", false, "discoveryPrefix",
                    "ha-" + UUID.randomUUID()), "Authorization", f.basic());
            assertThat(hub.statusCode()).as(hub.body()).isEqualTo(201);
            String[] bulb = new String[1];
            eventually(() -> {
                for (JsonNode d : json(http().get("/api/locations/" + f.locationId() + "/devices", "Authorization",
                        f.basic()))) {
                    if (d.get("label").asText().equals("living_room_bulb")) {
                        bulb[0] = d.get("id").asText();
                    }
                }
                return bulb[0] != null;
            }, "the hub's bulb appears");
            eventually(() -> json(http().get("/api/hubs/" + json(hub).get("id").asText(), "Authorization",
                    f.basic())).get("status").asText().equals("online"), "the hub is online");

            JsonNode probe = probe(tokenFor(f, Map.of("switches", List.of(f.lampId(), bulb[0]))));
            assertThat(probe.get("hubs").toString()).isEqualTo("[{\"name\":\"Attic Zigbee\",\"type\":\"PHYSICAL\"},"
                    + "{\"name\":\"Hearth\",\"type\":\"VIRTUAL\"}]");
            assertThat(probe.get("switchHubs").toString()).isEqualTo("[[\"Lamp\",\"Hearth\",\"VIRTUAL\"],"
                    + "[\"living_room_bulb\",\"Attic Zigbee\",\"PHYSICAL\"]]");
        } finally {
            bridge.close();
        }
    }
}
