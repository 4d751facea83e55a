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

    private static List<String> caps(JsonNode device) {
        List<String> out = new ArrayList<>();
        device.get("capabilities").forEach(c -> out.add(c.asText()));
        return out;
    }
}
