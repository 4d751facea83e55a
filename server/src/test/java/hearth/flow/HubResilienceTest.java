package hearth.flow;

import hearth.support.Mosquitto;
import hearth.support.SimulatedBridge;
import hearth.support.TestDataDirs;
import hearth.support.TestResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub whose broker goes away and comes back, and a broker that sends garbage: the hub goes
 * offline with the reason and online again with the same devices, and what a hostile broker sends
 * is bounded and ignored while everything else goes on.
 */
class HubResilienceTest extends HearthTestBase {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DEVICES = 20;

    private final List<AutoCloseable> closing = new ArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("hub-resilience");
        registry.add("hearth.data-dir", () -> dir);
        registry.add("hearth.hubs.max-devices", () -> String.valueOf(MAX_DEVICES));
        registry.add("hearth.hubs.max-message-size", () -> "256KB");
        registry.add("hearth.hubs.queue", () -> "200");
        registry.add("hearth.hubs.max-backoff", () -> "2s");
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private static void eventually(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 30 s: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private SimulatedBridge bridge(int port, String base) {
        SimulatedBridge bridge = new SimulatedBridge("127.0.0.1", port, base);
        closing.add(0, bridge);
        return bridge;
    }

    private static String fixtureDevices() {
        return JSON.readTree(TestResources.read("hub/zigbee2mqtt-bridge-devices.json")).get("devices").toString();
    }

    private JsonNode hub(Fixture f, String id) {
        HttpResponse<String> r = http().get("/api/hubs/" + id, "Authorization", f.basic());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private String deviceId(Fixture f, String label) {
        for (JsonNode d : json(http().get("/api/locations/" + f.locationId() + "/devices", "Authorization", f.basic()))) {
            if (d.get("label").asText().equals(label)) {
                return d.get("id").asText();
            }
        }
        throw new AssertionError("no device " + label);
    }

    private String value(Fixture f, String deviceId, String attribute) {
        JsonNode v = json(http().get("/api/devices/" + deviceId, "Authorization", f.basic())).get("attributes")
                .get(attribute);
        return v == null ? null : v.get("value").asText();
    }

    private String addHub(Fixture f, int port, String base) {
        return addHub(f, port, base, "5");
    }

    private String addHub(Fixture f, int port, String base, String mqttVersion) {
        HttpResponse<String> created = http().postJson("/api/locations/" + f.locationId() + "/hubs",
                Map.of("url", "tcp://127.0.0.1:" + port, "zigbee2mqttBaseTopic", base, "tasmotaDiscovery", false,
                        "discoveryPrefix", "ha-" + UUID.randomUUID(), "mqttVersion", mqttVersion),
                "Authorization", f.basic());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    @Test
    void hubWhenBrokerKilledAndRestartedThenOfflineWithReasonThenOnlineWithTheSameDevices() throws Exception {
        Mosquitto broker = new Mosquitto();
        closing.add(broker);
        Fixture f = fixture();
        String base = "hearth-test-" + UUID.randomUUID();
        SimulatedBridge bridge = new SimulatedBridge("127.0.0.1", broker.port, base);
        bridge.devices(fixtureDevices());
        String hubId = addHub(f, broker.port, base);
        eventually(() -> hub(f, hubId).get("deviceCount").asInt() == 10, "the devices appear");
        assertThat(hub(f, hubId).get("status").asText()).isEqualTo("online");

        broker.kill();
        eventually(() -> hub(f, hubId).get("status").asText().equals("offline"), "the hub is offline");
        assertThat(hub(f, hubId).get("lastError").asText()).isNotBlank();
        String door = deviceId(f, "front_door");
        HttpResponse<String> refused = http().postJson("/api/devices/" + deviceId(f, "kitchen_plug") + "/commands",
                Map.of("command", "on"), "Authorization", f.basic());
        assertThat(refused.statusCode()).as("a command while offline says so, not a 500").isEqualTo(400);
        assertThat(refused.body()).contains("offline");

        broker.start(); // an empty broker (no persistence): the bridge publishes its retained state again
        SimulatedBridge again = bridge(broker.port, base);
        again.devices(fixtureDevices());
        again.state("front_door", "{\"contact\":false}");
        eventually(() -> hub(f, hubId).get("status").asText().equals("online"), "the hub is online again");
        eventually(() -> "open".equals(value(f, door, "contact")), "the state re-synced");
        assertThat(hub(f, hubId).get("deviceCount").asInt()).as("no duplicates").isEqualTo(10);
        assertThat(json(http().get("/api/locations/" + f.locationId() + "/devices", "Authorization", f.basic())))
                .hasSize(13);
    }

    @Test
    void hubWhenSetToMqtt311ThenItSpeaksIt311AndItsDevicesAndCommandsWork() throws Exception {
        Mosquitto broker = new Mosquitto();
        closing.add(broker);
        Fixture f = fixture();
        String base = "hearth-test-" + UUID.randomUUID();
        SimulatedBridge bridge = bridge(broker.port, base);
        bridge.devices(fixtureDevices());
        bridge.state("kitchen_plug", "{\"state\":\"OFF\"}");
        HttpResponse<String> refused = http().postJson("/api/locations/" + f.locationId() + "/hubs",
                Map.of("url", "tcp://127.0.0.1:" + broker.port, "mqttVersion", "4"), "Authorization", f.basic());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("error_description").asText()).contains("mqttVersion").contains("3.1.1");

        String hubId = addHub(f, broker.port, base, "3.1.1");
        eventually(() -> hub(f, hubId).get("deviceCount").asInt() == 10, "the devices appear over MQTT 3.1.1");
        assertThat(hub(f, hubId).get("mqttVersion").asText()).isEqualTo("3.1.1");
        // mosquitto -v logs each client's protocol: p2 is MQTT 3.1.1 (the simulated bridge speaks 5: p5)
        assertThat(broker.log()).containsPattern("as hearth-" + hubId + " \\(p2,");
        String plug = deviceId(f, "kitchen_plug");
        eventually(() -> "off".equals(value(f, plug, "switch")), "the retained state");
        HttpResponse<String> on = http().postJson("/api/devices/" + plug + "/commands", Map.of("command", "on"),
                "Authorization", f.basic());
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        eventually(() -> bridge.commands.contains(base + "/kitchen_plug/set {\"state\":\"ON\"}"), "the /set at QoS 1");
        eventually(() -> "on".equals(value(f, plug, "switch")), "the plug reports on");

        // Switched to 5 by a PATCH, it connects again in 5.
        HttpResponse<String> patched = http().send("PATCH", "/api/hubs/" + hubId, "{\"mqttVersion\":\"5\"}",
                "Authorization", f.basic(), "Content-Type", "application/json");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        eventually(() -> broker.log().contains("as hearth-" + hubId + " (p5,"), "MQTT 5 now");
        eventually(() -> hub(f, hubId).get("status").asText().equals("online"), "online again");
    }

    @Test
    void hubWhenBrokerSendsGarbageThenItIsBoundedAndIgnoredAndTheHubGoesOn() {
        Fixture f = fixture();
        String base = "hearth-test-" + UUID.randomUUID();
        SimulatedBridge bridge = bridge(1883, base);
        // More devices than a hub may bring, one named with HTML, one with control characters.
        ArrayNode many = (ArrayNode) JSON.readTree(fixtureDevices());
        JsonNode template = many.get(2); // the Aqara contact sensor
        for (int i = 0; i < 40; i++) {
            ObjectNode copy = (ObjectNode) template.deepCopy();
            copy.put("ieee_address", String.format("0x00124b00%08x", i));
            copy.put("friendly_name", i == 0 ? "<img src=x onerror=alert(1)>" : i == 1 ? "bad\u0007name" : "extra_" + i);
            many.add(copy);
        }
        bridge.devices(many.toString());
        String hubId = addHub(f, 1883, base);
        eventually(() -> hub(f, hubId).get("deviceCount").asInt() == MAX_DEVICES, "at most max-devices devices");

        String door = deviceId(f, "front_door");
        StringBuilder bomb = new StringBuilder();
        bomb.append("[".repeat(5000)).append("]".repeat(5000));
        bridge.publish(base + "/front_door", bomb.toString().getBytes(StandardCharsets.UTF_8));
        bridge.publish(base + "/front_door", "{\"contact\": tru".getBytes(StandardCharsets.UTF_8));
        bridge.publish(base + "/front_door", ("{\"contact\":false,\"x\":\"" + "a".repeat(300_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8)); // over max-message-size
        bridge.publish(base + "/bridge/devices", "{\"not\":\"a list\"}".getBytes(StandardCharsets.UTF_8));
        bridge.publish(base + "/front_door/availability", "maybe".getBytes(StandardCharsets.UTF_8));
        bridge.publish(base + "/\u00e9\u00e8/\u2603", "{}".getBytes(StandardCharsets.UTF_8));
        bridge.publish(base + "/front_door", "{\"contact\":\"yes\",\"battery\":\"lots\",\"<b>\":1}"
                .getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 3000; i++) { // a flood, far more than the queue holds
            bridge.publish(base + "/extra_5", ("{\"battery\":" + (i % 100) + "}").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(value(f, door, "contact")).isNotEqualTo("open");

        // The hub is still there and still works.
        eventually(() -> {
            bridge.state("front_door", "{\"contact\":false}"); // again until the flood has drained
            return "open".equals(value(f, door, "contact"));
        }, "a good message after the garbage");
        JsonNode status = hub(f, hubId);
        assertThat(status.get("status").asText()).isEqualTo("online");
        assertThat(status.get("deviceCount").asInt()).isEqualTo(MAX_DEVICES);
        HttpResponse<String> devices = http().get("/api/locations/" + f.locationId() + "/devices", "Authorization",
                f.basic());
        assertThat(devices.statusCode()).isEqualTo(200);
        assertThat(devices.body()).doesNotContain("bad\u0007name").doesNotContain("<b>");
        // A name with HTML is data: the page shows it escaped, never as markup.
        String page = signedInAs(f).get("/locations/" + f.locationId() + "/hubs").body();
        assertThat(page).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)&gt;");
    }
}
