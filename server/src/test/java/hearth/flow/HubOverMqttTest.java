package hearth.flow;

import hearth.support.Http;
import hearth.support.SimulatedBridge;
import hearth.support.TestDataDirs;
import hearth.support.TestResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hubs against the real Mosquitto on 127.0.0.1:1883, with a simulated zigbee2mqtt bridge whose
 * bridge/devices holds real device definitions (zigbee-herdsman-converters): the devices appear,
 * their states become events a SmartApp hears, and its command reaches the bridge's /set topic.
 */
class HubOverMqttTest extends HearthTestBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<SimulatedBridge> bridges = new ArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("hubs");
        registry.add("hearth.data-dir", () -> dir);
    }

    @AfterEach
    void closeBridges() {
        bridges.forEach(SimulatedBridge::close);
    }

    private Fixture account() {
        return fixture(resource("apps/automation-test.groovy"), List.of("*"));
    }

    private SimulatedBridge bridge() {
        SimulatedBridge bridge = new SimulatedBridge("127.0.0.1", 1883, "hearth-test-" + UUID.randomUUID());
        bridges.add(bridge);
        return bridge;
    }

    private static String fixtureDevices() {
        return JSON.readTree(TestResources.read("hub/zigbee2mqtt-bridge-devices.json")).get("devices").toString();
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

    /** Adds a hub that reads only its own topics: no Tasmota discovery (one topic for every broker user). */
    private HttpResponse<String> addHub(Fixture a, Map<String, Object> body) {
        Map<String, Object> all = new LinkedHashMap<>(Map.of("tasmotaDiscovery", false, "discoveryPrefix",
                "ha-" + UUID.randomUUID()));
        all.putAll(body);
        return http().postJson("/api/locations/" + a.locationId() + "/hubs", all, "Authorization", a.basic());
    }

    private JsonNode hub(Fixture a, String id) {
        return json(http().get("/api/hubs/" + id, "Authorization", a.basic()));
    }

    private Map<String, JsonNode> devicesByLabel(Fixture a) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode d : json(http().get("/api/locations/" + a.locationId() + "/devices", "Authorization", a.basic()))) {
            out.put(d.get("label").asText(), d);
        }
        return out;
    }

    private JsonNode device(Fixture a, String id) {
        return json(http().get("/api/devices/" + id, "Authorization", a.basic()));
    }

    private static String value(JsonNode device, String attribute) {
        JsonNode v = device.get("attributes").get(attribute);
        return v == null ? null : v.get("value").asText();
    }

    @Test
    void hubWhenBridgeListsRealDevicesThenTheyAppearWithCapabilitiesAndLiveState() {
        Fixture a = account();
        SimulatedBridge bridge = bridge();
        bridge.devices(fixtureDevices());
        bridge.state("front_door", "{\"contact\":true,\"battery\":91,\"voltage\":3015,\"linkquality\":120}");
        HttpResponse<String> created = addHub(a, Map.of("name", "Zigbee", "url", "tcp://127.0.0.1:1883",
                "username", "hearth", "password", "broker-secret-1", "zigbee2mqttBaseTopic", bridge.base()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("broker-secret-1");
        JsonNode hub = json(created);
        assertThat(hub.get("hasPassword").asBoolean()).isTrue();
        assertThat(hub.get("status").asText()).isIn("connecting", "online");
        String hubId = hub.get("id").asText();

        eventually(() -> hub(a, hubId).get("status").asText().equals("online"), "the hub is online");
        eventually(() -> hub(a, hubId).get("deviceCount").asInt() == 10, "the ten devices appear");
        Map<String, JsonNode> devices = devicesByLabel(a);
        assertThat(devices.keySet()).contains("living_room_bulb", "hue_bulb", "front_door", "hall_motion",
                "front_lock", "kitchen_plug", "bedroom_blind", "desk_button", "bathroom_climate", "kitchen_leak");
        assertThat(devices.get("living_room_bulb").get("typeName").asText()).isEqualTo("IKEA LED1545G12");
        assertThat(caps(devices.get("living_room_bulb"))).contains("switch", "switchLevel", "colorTemperature");
        assertThat(caps(devices.get("front_door"))).contains("contactSensor", "battery");
        assertThat(caps(devices.get("hall_motion"))).contains("motionSensor", "illuminanceMeasurement", "battery");
        assertThat(caps(devices.get("front_lock"))).contains("lock", "battery");
        assertThat(caps(devices.get("kitchen_plug"))).contains("switch", "powerMeter", "energyMeter");
        assertThat(caps(devices.get("bedroom_blind"))).contains("windowShade");
        assertThat(caps(devices.get("desk_button"))).contains("button");
        assertThat(caps(devices.get("bathroom_climate"))).contains("temperatureMeasurement",
                "relativeHumidityMeasurement");
        assertThat(caps(devices.get("kitchen_leak"))).contains("waterSensor");
        assertThat(devices.get("front_door").get("hubId").asText()).isEqualTo(hubId);

        // The retained state came before or after the device list: either way it is the device's state.
        String door = devices.get("front_door").get("id").asText();
        eventually(() -> "closed".equals(value(device(a, door), "contact")), "the door is closed");
        assertThat(value(device(a, door), "battery")).isEqualTo("91");
        assertThat(value(device(a, door), "linkquality")).as("kept as a custom attribute").isEqualTo("120");
        bridge.state("front_door", "{\"contact\":false,\"battery\":91}");
        eventually(() -> "open".equals(value(device(a, door), "contact")), "the door opens");
        String climate = devices.get("bathroom_climate").get("id").asText();
        bridge.state("bathroom_climate", "{\"temperature\":21.5,\"humidity\":48.2}");
        eventually(() -> "21.5".equals(value(device(a, climate), "temperature")), "the temperature arrives");
        assertThat(device(a, climate).get("attributes").get("temperature").get("unit").asText()).isEqualTo("C");

        // Only the owner sees the hub.
        Fixture other = account();
        assertThat(http().get("/api/hubs/" + hubId, "Authorization", other.basic()).statusCode()).isEqualTo(404);
        assertThat(http().send("DELETE", "/api/hubs/" + hubId, null, "Authorization", other.basic()).statusCode())
                .isEqualTo(404);
        assertThat(addHub(other, Map.of("url", "tcp://127.0.0.1:1883", "zigbee2mqttBaseTopic",
                "hearth-test-" + UUID.randomUUID())).statusCode()).isEqualTo(201);
        assertThat(http().postJson("/api/locations/" + a.locationId() + "/hubs", Map.of("url", "tcp://127.0.0.1:1883"),
                "Authorization", other.basic()).statusCode()).isEqualTo(404);
    }

    @Test
    void hubWhenBrokerAddressIsNotAllowedThenAnswers400NamingTheSetting() {
        Fixture a = account();
        HttpResponse<String> refused = addHub(a, Map.of("url", "tcp://8.8.8.8:1883"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("error_description").asText()).contains("hearth.hubs.allow");
        assertThat(addHub(a, Map.of("url", "http://127.0.0.1:1883")).statusCode()).isEqualTo(400);
        assertThat(addHub(a, Map.of("url", "tcp://user:pw@127.0.0.1:1883")).statusCode()).isEqualTo(400);
        assertThat(addHub(a, Map.of("url", "tcp://127.0.0.1:1883", "zigbee2mqttBaseTopic", "zigbee2mqtt/#"))
                .statusCode()).isEqualTo(400);
        assertThat(json(http().get("/api/locations/" + a.locationId() + "/hubs", "Authorization", a.basic())))
                .isEmpty();
    }

    @Test
    void hubWhenPatchedAndDeletedThenChangesAndItsDevicesGo() {
        Fixture a = account();
        SimulatedBridge bridge = bridge();
        bridge.devices(fixtureDevices());
        String hubId = json(addHub(a, Map.of("url", "tcp://127.0.0.1:1883", "zigbee2mqttBaseTopic", bridge.base())))
                .get("id").asText();
        eventually(() -> hub(a, hubId).get("deviceCount").asInt() == 10, "the devices appear");
        HttpResponse<String> patched = http().send("PATCH", "/api/hubs/" + hubId,
                "{\"name\":\"Upstairs\",\"password\":\"new-secret-2\"}", "Authorization", a.basic(),
                "Content-Type", "application/json");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(json(patched).get("name").asText()).isEqualTo("Upstairs");
        assertThat(json(patched).get("hasPassword").asBoolean()).isTrue();
        assertThat(patched.body()).doesNotContain("new-secret-2");
        // An Installation holding one of its devices loses it when the hub goes.
        String plug = devicesByLabel(a).get("kitchen_plug").get("id").asText();
        String code = authorize(a, Map.of("switches", List.of(plug, a.lampId())));
        String token = json(exchange(a, code)).get("access_token").asText();
        String uri = endpoint(token).get("uri").asText();
        assertThat(http().get(uri + "/subscriptions", "Authorization", "Bearer " + token).body())
                .contains("kitchen_plug");
        assertThat(http().send("DELETE", "/api/hubs/" + hubId, null, "Authorization", a.basic()).statusCode())
                .isEqualTo(204);
        String left = http().get(uri + "/subscriptions", "Authorization", "Bearer " + token).body();
        assertThat(left).doesNotContain("kitchen_plug").contains("Lamp");
        assertThat(http().get("/api/hubs/" + hubId, "Authorization", a.basic()).statusCode()).isEqualTo(404);
        assertThat(devicesByLabel(a).values()).allSatisfy(d -> assertThat(d.get("hubId")).isNull())
                .hasSize(3); // the fixture's virtual devices stay
    }

    @Test
    void smartAppWhenHubDeviceReportsThenItsHandlerRunsAndItsCommandReachesTheBridge() {
        Fixture a = account();
        SimulatedBridge bridge = bridge();
        bridge.devices(fixtureDevices());
        bridge.state("kitchen_plug", "{\"state\":\"OFF\",\"power\":0}");
        bridge.state("living_room_bulb", "{\"state\":\"OFF\",\"brightness\":127,\"color_temp\":370}");
        String hubId = json(addHub(a, Map.of("url", "tcp://127.0.0.1:1883", "zigbee2mqttBaseTopic", bridge.base())))
                .get("id").asText();
        eventually(() -> hub(a, hubId).get("deviceCount").asInt() == 10, "the devices appear");
        Map<String, JsonNode> devices = devicesByLabel(a);
        String plug = devices.get("kitchen_plug").get("id").asText();
        String bulb = devices.get("living_room_bulb").get("id").asText();
        eventually(() -> "off".equals(value(device(a, bulb), "switch")), "the bulb's retained state");
        assertThat(value(device(a, bulb), "level")).isEqualTo("50");
        assertThat(value(device(a, bulb), "colorTemperature")).isEqualTo("2703");

        // The classic app subscribes to the plug's switch.on and turns the bulb on when it hears it.
        String code = authorize(a, Map.of("switches", List.of(plug), "lights", List.of(bulb)));
        String token = json(exchange(a, code)).get("access_token").asText();
        String uri = endpoint(token).get("uri").asText();
        Supplier<String> log = () -> json(http().get(uri + "/log", "Authorization", "Bearer " + token)).get("log")
                .toString();
        bridge.state("kitchen_plug", "{\"state\":\"ON\",\"power\":12.5}");
        eventually(() -> log.get().contains("kitchen_plug:on"), "the handler ran on the plug's real event");
        eventually(() -> bridge.commands.stream().anyMatch(c -> c.equals(bridge.base()
                + "/living_room_bulb/set {\"state\":\"ON\"}")), "the bulb's /set reached the broker");
        // The bridge answered with the new state: the device changed because the device said so.
        eventually(() -> "on".equals(value(device(a, bulb), "switch")), "the bulb reports on");

        // The management API's commands go the same way, in zigbee2mqtt's units.
        HttpResponse<String> level = http().postJson("/api/devices/" + bulb + "/commands",
                Map.of("command", "setLevel", "arguments", List.of(100)), "Authorization", a.basic());
        assertThat(level.statusCode()).as(level.body()).isEqualTo(200);
        eventually(() -> bridge.commands.contains(bridge.base() + "/living_room_bulb/set {\"brightness\":254}"),
                "setLevel(100) is brightness 254");
        eventually(() -> "100".equals(value(device(a, bulb), "level")), "the bulb reports full brightness");
    }

    @Test
    void hubWhenZigbee2mqttSaysItsStateADeviceLeftOrWasRenamedThenTheHubAndItsDevicesFollow() {
        Fixture a = account();
        SimulatedBridge bridge = bridge();
        bridge.devices(fixtureDevices());
        bridge.publishRetained(bridge.base() + "/bridge/state", "{\"state\":\"online\"}");
        String hubId = json(addHub(a, Map.of("url", "tcp://127.0.0.1:1883", "zigbee2mqttBaseTopic", bridge.base())))
                .get("id").asText();
        eventually(() -> hub(a, hubId).get("deviceCount").asInt() == 10, "the devices appear");
        eventually(() -> "online".equals(hub(a, hubId).path("zigbee2mqtt").asText()), "zigbee2mqtt is online");
        assertThat(hub(a, hubId).get("mqttVersion").asText()).isEqualTo("5");
        Map<String, JsonNode> devices = devicesByLabel(a);
        String plug = devices.get("kitchen_plug").get("id").asText();
        String motion = devices.get("hall_motion").get("id").asText();
        String door = devices.get("front_door").get("id").asText();

        // Availability is the healthCheck capability's healthStatus (DeviceHealth).
        assertThat(caps(devices.get("front_door"))).contains("healthCheck");
        bridge.publishRetained(bridge.base() + "/front_door/availability", "{\"state\":\"offline\"}");
        eventually(() -> "offline".equals(value(device(a, door), "healthStatus")), "the door sensor is offline");
        bridge.publishRetained(bridge.base() + "/front_door/availability", "online");
        eventually(() -> "online".equals(value(device(a, door), "healthStatus")), "and online again (plain text)");

        // A device that leaves the network leaves the Location and the Installation holding it.
        String code = authorize(a, Map.of("switches", List.of(plug, a.lampId())));
        String token = json(exchange(a, code)).get("access_token").asText();
        String uri = endpoint(token).get("uri").asText();
        assertThat(http().get(uri + "/subscriptions", "Authorization", "Bearer " + token).body())
                .contains("kitchen_plug");
        String plugIeee = JSON.readTree(fixtureDevices()).valueStream()
                .filter(d -> d.get("friendly_name").asText().equals("kitchen_plug")).findFirst().orElseThrow()
                .get("ieee_address").asText();
        bridge.publish(bridge.base() + "/bridge/event", ("{\"type\":\"device_leave\",\"data\":{\"ieee_address\":\""
                + plugIeee + "\",\"friendly_name\":\"kitchen_plug\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        eventually(() -> !devicesByLabel(a).containsKey("kitchen_plug"), "the plug left the Location");
        assertThat(http().get(uri + "/subscriptions", "Authorization", "Bearer " + token).body())
                .doesNotContain("kitchen_plug").contains("Lamp");
        assertThat(hub(a, hubId).get("deviceCount").asInt()).isEqualTo(9);

        // A rename in zigbee2mqtt keeps the device (its id, its Installations); its label follows.
        bridge.publish(bridge.base() + "/bridge/response/device/rename", ("{\"data\":{\"from\":\"hall_motion\","
                + "\"to\":\"landing_motion\",\"homeassistant_rename\":false},\"status\":\"ok\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        eventually(() -> devicesByLabel(a).containsKey("landing_motion"), "the label follows the rename");
        assertThat(devicesByLabel(a).get("landing_motion").get("id").asText()).isEqualTo(motion);
        bridge.state("landing_motion", "{\"occupancy\":true,\"illuminance_lux\":12}");
        eventually(() -> "active".equals(value(device(a, motion), "motion")), "its state under the new name");

        // zigbee2mqtt stopped (its last will, plain text): the hub says so and commands say why they can't go.
        bridge.publishRetained(bridge.base() + "/bridge/state", "offline");
        eventually(() -> "offline".equals(hub(a, hubId).path("zigbee2mqtt").asText()), "zigbee2mqtt is offline");
        assertThat(hub(a, hubId).get("status").asText()).as("the broker still is").isEqualTo("online");
        String bulb = devicesByLabel(a).get("living_room_bulb").get("id").asText();
        HttpResponse<String> refused = http().postJson("/api/devices/" + bulb + "/commands", Map.of("command", "on"),
                "Authorization", a.basic());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).get("error_description").asText()).contains("zigbee2mqtt").contains("offline");
        assertThat(bridge.commands).isEmpty();
        assertThat(signedInAs(a).get("/locations/" + a.locationId() + "/hubs").body()).contains("zigbee2mqtt")
                .containsPattern("class=\"zigbee2mqtt\">offline<");
    }

    @Test
    void classicAppsWhenDrivingRealDevicesThenTheBridgeSeesTheirCommandsAndTheirHandlersRunOnRealEvents() {
        Fixture a = fixture(resource("demo/demo-smartapp.groovy"), List.of("*"));
        SimulatedBridge bridge = bridge();
        bridge.devices(fixtureDevices());
        bridge.state("living_room_bulb", "{\"state\":\"OFF\",\"brightness\":20}");
        bridge.state("kitchen_plug", "{\"state\":\"OFF\",\"power\":0}");
        bridge.state("front_door", "{\"contact\":true}");
        String hubId = json(addHub(a, Map.of("url", "tcp://127.0.0.1:1883", "zigbee2mqttBaseTopic", bridge.base())))
                .get("id").asText();
        eventually(() -> hub(a, hubId).get("deviceCount").asInt() == 10, "the devices appear");
        Map<String, JsonNode> devices = devicesByLabel(a);
        String bulb = devices.get("living_room_bulb").get("id").asText();
        String plug = devices.get("kitchen_plug").get("id").asText();
        String door = devices.get("front_door").get("id").asText();
        eventually(() -> "off".equals(value(device(a, bulb), "switch")) && "closed".equals(value(device(a, door),
                "contact")), "the retained states");

        // The demo web-services SmartApp, unchanged, switches the real bulb through the installation API.
        String code = authorize(a, Map.of("switches", List.of(bulb), "contacts", List.of(door)));
        String token = json(exchange(a, code)).get("access_token").asText();
        String uri = endpoint(token).get("uri").asText();
        HttpResponse<String> on = http().send("PUT", uri + "/switches/on", null, "Authorization", "Bearer " + token);
        assertThat(on.statusCode()).as(on.body()).isIn(200, 204);
        eventually(() -> bridge.commands.contains(bridge.base() + "/living_room_bulb/set {\"state\":\"ON\"}"),
                "the bridge sees the /set JSON");
        eventually(() -> http().get(uri + "/switches", "Authorization", "Bearer " + token).body()
                .contains("\"value\":\"on\""), "the bridge's state message switched the device");
        assertThat(http().get(uri + "/contacts", "Authorization", "Bearer " + token).body())
                .contains("front_door").contains("\"value\":\"closed\"");

        // SmartThings' own "Turn It On When It Opens", subscribed to the real door sensor.
        HttpResponse<String> registered = http().postJson("/api/smartapps", Map.of("source",
                resource("apps/turn-it-on-when-it-opens.groovy"), "redirectUris", List.of(a.redirectUri()),
                "servers", List.of("*")), "Authorization", a.basic());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode app = json(registered);
        Fixture other = new Fixture(a.username(), a.password(), a.basic(), a.locationId(), a.lampId(), a.kitchenId(),
                a.lockId(), app.get("id").asText(), app.get("clientId").asText(), app.get("clientSecret").asText(),
                a.redirectUri());
        String code2 = authorize(other, Map.of("contact1", List.of(door), "switches", List.of(plug)));
        assertThat(exchange(other, code2).statusCode()).isEqualTo(200);
        bridge.state("front_door", "{\"contact\":false}"); // the magnet moved away: the door opened
        eventually(() -> "open".equals(value(device(a, door), "contact")), "the door opens");
        eventually(() -> bridge.commands.contains(bridge.base() + "/kitchen_plug/set {\"state\":\"ON\"}"),
                "its contactOpenHandler ran and switched the plug");
        eventually(() -> "on".equals(value(device(a, plug), "switch")), "the plug reports on");
    }

    @Test
    void hubDeviceWhenItsOwnerRenamesHidesOrRemovesItThenTheHubKeepsItSoAndTheHomePageShowsTheHub() {
        Fixture a = account();
        SimulatedBridge bridge = bridge();
        bridge.devices(fixtureDevices());
        String hubId = json(addHub(a, Map.of("name", "Zigbee <b>stick</b>", "url", "tcp://127.0.0.1:1883",
                "zigbee2mqttBaseTopic", bridge.base()))).get("id").asText();
        eventually(() -> hub(a, hubId).get("deviceCount").asInt() == 10, "the devices appear");
        Map<String, JsonNode> devices = devicesByLabel(a);
        String bulb = devices.get("living_room_bulb").get("id").asText();
        String door = devices.get("hue_bulb").get("id").asText(); // a switch: offered to the app until hidden
        String plug = devices.get("kitchen_plug").get("id").asText();

        // The home page's Location card says how its hub is, escaped.
        eventually(() -> signedInAs(a).get("/").body().contains("data-hub=\"" + hubId + "\""), "the hub on the card");
        String home = signedInAs(a).get("/").body();
        assertThat(home).contains("Zigbee &lt;b&gt;stick&lt;/b&gt;").doesNotContain("<b>stick")
                .containsPattern("class=\"status\">online<").contains(">10</span> devices");

        HttpResponse<String> renamed = http().send("PATCH", "/api/devices/" + bulb, "{\"label\":\"Sofa lamp\"}",
                "Authorization", a.basic(), "Content-Type", "application/json");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(json(renamed).get("label").asText()).isEqualTo("Sofa lamp");
        HttpResponse<String> hidden = http().send("PATCH", "/api/devices/" + door, "{\"hidden\":true}",
                "Authorization", a.basic(), "Content-Type", "application/json");
        assertThat(json(hidden).get("hidden").asBoolean()).isTrue();
        assertThat(http().send("PATCH", "/api/devices/" + door, "{}", "Authorization", a.basic(), "Content-Type",
                "application/json").statusCode()).isEqualTo(400);
        assertThat(http().send("DELETE", "/api/devices/" + plug, null, "Authorization", a.basic()).statusCode())
                .isEqualTo(204);

        // The bridge lists its devices again (a restart, a new pairing): the rename stays, the plug stays removed.
        bridge.devices(fixtureDevices());
        bridge.state("hue_bulb", "{\"state\":\"ON\"}");
        eventually(() -> "on".equals(value(device(a, door), "switch")), "a hidden device still works");
        Map<String, JsonNode> after = devicesByLabel(a);
        assertThat(after).containsKey("Sofa lamp").doesNotContainKey("living_room_bulb")
                .doesNotContainKey("kitchen_plug");
        assertThat(after.get("Sofa lamp").get("id").asText()).isEqualTo(bulb);
        assertThat(hub(a, hubId).get("deviceCount").asInt()).isEqualTo(9);
        String page = signedInAs(a).get("/").body();
        assertThat(page).doesNotContain("device-" + door).contains("device-" + bulb);
        HttpResponse<String> consent = signInAndFollow(http(), authorizeUrl(a, "s1"), a.username(), a.password());
        assertThat(consent.body()).doesNotContain(door).contains(bulb);
        assertThat(signedInAs(a).get("/locations/" + a.locationId() + "/hubs").body()).contains("(hidden)");

        // Paired again (it left, then zigbee2mqtt lists it): it comes back as a new device.
        String plugIeee = JSON.readTree(fixtureDevices()).valueStream()
                .filter(d -> d.get("friendly_name").asText().equals("kitchen_plug")).findFirst().orElseThrow()
                .get("ieee_address").asText();
        bridge.publish(bridge.base() + "/bridge/event", ("{\"type\":\"device_leave\",\"data\":{\"ieee_address\":\""
                + plugIeee + "\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bridge.devices(fixtureDevices());
        eventually(() -> devicesByLabel(a).containsKey("kitchen_plug"), "re-paired, it is back");
        assertThat(devicesByLabel(a).get("kitchen_plug").get("id").asText()).isNotEqualTo(plug);
    }

    private static List<String> caps(JsonNode device) {
        List<String> out = new ArrayList<>();
        device.get("capabilities").forEach(c -> out.add(c.asText()));
        return out;
    }
}
