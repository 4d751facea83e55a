package hearth.flow;

import hearth.support.SimulatedBridge;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Home Assistant MQTT discovery as ESPHome publishes it (esphome/components/mqtt/mqtt_component.cpp:
 * abbreviated keys, {@code <prefix>/<component>/<node>/<object_id>/config}, state on
 * {@code <node>/<component>/<object_id>/state}) and Tasmota's own discovery as Tasmota publishes it
 * (xdrv_12_discovery.ino), against the real Mosquitto: devices appear, states become events, and
 * commands go out in each protocol's form.
 */
class HubDiscoveryTest extends HearthTestBase {
    private final List<SimulatedBridge> bridges = new ArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("hub-discovery");
        registry.add("hearth.data-dir", () -> dir);
    }

    @AfterEach
    void close() {
        bridges.forEach(SimulatedBridge::close);
    }

    private SimulatedBridge broker() {
        SimulatedBridge b = new SimulatedBridge("127.0.0.1", 1883, "hearth-test-" + UUID.randomUUID());
        bridges.add(b);
        return b;
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

    private Map<String, JsonNode> hubDevices(Fixture f) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode d : json(http().get("/api/locations/" + f.locationId() + "/devices", "Authorization", f.basic()))) {
            if (d.get("hubId") != null) {
                out.put(d.get("label").asText(), d);
            }
        }
        return out;
    }

    private String value(Fixture f, String id, String attribute) {
        JsonNode v = json(http().get("/api/devices/" + id, "Authorization", f.basic())).get("attributes").get(attribute);
        return v == null ? null : v.get("value").asText();
    }

    private String addHub(Fixture f, Map<String, Object> body) {
        HttpResponse<String> r = http().postJson("/api/locations/" + f.locationId() + "/hubs", body, "Authorization",
                f.basic());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json(r).get("id").asText();
    }

    private static String esphomeDevice(String node, String mac) {
        return "\"dev\":{\"ids\":\"" + mac + "\",\"name\":\"" + node + "\",\"sw\":\"2024.6.1 (config hash 0x5c1d2e3f)\","
                + "\"mdl\":\"nodemcuv2\",\"mf\":\"Espressif\",\"cns\":[[\"mac\",\"" + mac + "\"]]}";
    }

    @Test
    void homeAssistantDiscoveryWhenEsphomePublishesThenDevicesStatesAndCommandsWork() {
        Fixture f = fixture();
        SimulatedBridge broker = broker();
        String prefix = "ha-" + UUID.randomUUID();
        String node = "node" + UUID.randomUUID().toString().substring(0, 8);
        String mac = "a4cf12" + UUID.randomUUID().toString().substring(0, 6);
        String dev = esphomeDevice(node, mac);
        broker.publishRetained(prefix + "/switch/" + node + "/relay/config", "{\"name\":\"Relay\",\"stat_t\":\"" + node
                + "/switch/relay/state\",\"cmd_t\":\"" + node + "/switch/relay/command\",\"avty_t\":\"" + node
                + "/status\",\"uniq_id\":\"ESPswitchrelay\"," + dev + "}");
        broker.publishRetained(prefix + "/binary_sensor/" + node + "/front_door/config", "{\"dev_cla\":\"door\","
                + "\"name\":\"Front Door\",\"stat_t\":\"" + node + "/binary_sensor/front_door/state\",\"avty_t\":\""
                + node + "/status\",\"uniq_id\":\"ESPbinary_sensorfront_door\"," + dev + "}");
        broker.publishRetained(prefix + "/sensor/" + node + "/temperature/config", "{\"dev_cla\":\"temperature\","
                + "\"unit_of_meas\":\"°C\",\"stat_cla\":\"measurement\",\"name\":\"Temperature\",\"stat_t\":\"" + node
                + "/sensor/temperature/state\",\"avty_t\":\"" + node + "/status\",\"uniq_id\":\"ESPsensortemperature\","
                + dev + "}");
        broker.publishRetained(prefix + "/sensor/" + node + "/pressure/config", "{\"dev_cla\":\"pressure\","
                + "\"unit_of_meas\":\"hPa\",\"name\":\"Pressure\",\"stat_t\":\"" + node + "/sensor/pressure/state\","
                + "\"uniq_id\":\"ESPsensorpressure\"," + dev + "}");
        broker.publishRetained(prefix + "/light/" + node + "/lamp/config", "{\"schema\":\"json\",\"brightness\":true,"
                + "\"clrm\":true,\"sup_clrm\":[\"brightness\"],\"name\":\"Lamp\",\"stat_t\":\"" + node
                + "/light/lamp/state\",\"cmd_t\":\"" + node + "/light/lamp/command\",\"uniq_id\":\"ESPlightlamp\","
                + dev + "}");
        broker.publishRetained(node + "/status", "online");
        broker.publishRetained(node + "/switch/relay/state", "OFF");
        broker.publishRetained(node + "/binary_sensor/front_door/state", "OFF");
        broker.publishRetained(node + "/sensor/temperature/state", "21.4");
        broker.publishRetained(node + "/sensor/pressure/state", "1013.2");

        String hubId = addHub(f, Map.of("url", "tcp://127.0.0.1:1883", "discoveryPrefix", prefix,
                "zigbee2mqttBaseTopic", broker.base(), "tasmotaDiscovery", false));
        eventually(() -> hubDevices(f).size() == 2, "the ESPHome node and its second switch-like entity");
        Map<String, JsonNode> devices = hubDevices(f);
        JsonNode board = devices.get(node);
        assertThat(board.get("typeName").asText()).isEqualTo("Espressif nodemcuv2");
        List<String> caps = new ArrayList<>();
        board.get("capabilities").forEach(c -> caps.add(c.asText()));
        assertThat(caps).contains("switch", "contactSensor", "temperatureMeasurement", "healthCheck");
        String id = board.get("id").asText();
        eventually(() -> "closed".equals(value(f, id, "contact")), "the door's state");
        eventually(() -> "21.4".equals(value(f, id, "temperature")), "the temperature");
        eventually(() -> "1013.2".equals(value(f, id, "pressure")), "a sensor no capability covers, kept");
        eventually(() -> "online".equals(value(f, id, "healthStatus")), "the availability");
        broker.publishRetained(node + "/status", "offline"); // ESPHome's last will
        eventually(() -> "offline".equals(value(f, id, "healthStatus")), "healthCheck: offline");
        broker.publishRetained(node + "/status", "online");
        eventually(() -> "online".equals(value(f, id, "healthStatus")), "healthCheck: online again");
        broker.publishRetained(node + "/binary_sensor/front_door/state", "ON"); // HA's door ON is open
        eventually(() -> "open".equals(value(f, id, "contact")), "the door opens");

        // Commands in the entity's own payloads, on its command topic.
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        broker.watch(node + "/+/+/command", seen);
        http().postJson("/api/devices/" + id + "/commands", Map.of("command", "on"), "Authorization", f.basic());
        eventually(() -> seen.contains(node + "/switch/relay/command ON"), "the relay's command");
        String lamp = devices.get(node + " Lamp").get("id").asText();
        http().postJson("/api/devices/" + lamp + "/commands", Map.of("command", "setLevel", "arguments", List.of(50)),
                "Authorization", f.basic());
        eventually(() -> seen.contains(node + "/light/lamp/command {\"state\":\"ON\",\"brightness\":128}"),
                "the lamp's JSON command");

        // An empty config removes the entity; the last one takes the device.
        broker.publishRetained(prefix + "/light/" + node + "/lamp/config", "");
        eventually(() -> hubDevices(f).size() == 1, "the lamp is gone");
        assertThat(json(http().get("/api/hubs/" + hubId, "Authorization", f.basic())).get("deviceCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void homeAssistantClimateWhenEsphomePublishesAThermostatThenStatesCommandsAndRefusalsOverHttp() {
        Fixture f = fixture();
        SimulatedBridge broker = broker();
        String prefix = "ha-" + UUID.randomUUID();
        String node = "trm" + UUID.randomUUID().toString().substring(0, 8);
        String mac = "a4cf14" + UUID.randomUUID().toString().substring(0, 6);
        String t = node + "/climate/heater/";
        // ESPHome's climate discovery (mqtt_climate.cpp): no state_topic, one topic per value
        broker.publishRetained(prefix + "/climate/" + node + "/heater/config", "{\"name\":\"Heater\",\"avty_t\":\""
                + node + "/status\",\"uniq_id\":\"ESPclimateheater\"," + esphomeDevice(node, mac) + ",\"curr_temp_t\":\""
                + t + "current_temperature/state\",\"mode_cmd_t\":\"" + t + "mode/command\",\"mode_stat_t\":\"" + t
                + "mode/state\",\"modes\":[\"off\",\"heat\"],\"temp_cmd_t\":\"" + t + "target_temperature/command\","
                + "\"temp_stat_t\":\"" + t + "target_temperature/state\",\"min_temp\":7,\"max_temp\":30,"
                + "\"temp_step\":0.5,\"act_t\":\"" + t + "action/state\"}");
        broker.publishRetained(node + "/status", "online");
        broker.publishRetained(t + "current_temperature/state", "19.5");
        broker.publishRetained(t + "target_temperature/state", "21.0");
        broker.publishRetained(t + "mode/state", "heat");
        broker.publishRetained(t + "action/state", "heating");

        addHub(f, Map.of("url", "tcp://127.0.0.1:1883", "discoveryPrefix", prefix,
                "zigbee2mqttBaseTopic", broker.base(), "tasmotaDiscovery", false));
        eventually(() -> hubDevices(f).containsKey(node), "the thermostat appears");
        JsonNode heater = hubDevices(f).get(node);
        assertThat(heater.get("capabilities").toString()).contains("thermostat", "temperatureMeasurement");
        String id = heater.get("id").asText();
        eventually(() -> "19.5".equals(value(f, id, "temperature")), "the current temperature");
        eventually(() -> "21".equals(value(f, id, "heatingSetpoint")) || "21.0".equals(value(f, id, "heatingSetpoint")),
                "the target as the heating setpoint");
        eventually(() -> "heat".equals(value(f, id, "thermostatMode")), "the mode");
        eventually(() -> "heating".equals(value(f, id, "thermostatOperatingState")), "the action");

        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        broker.watch(t + "+/command", seen);
        HttpResponse<String> set = http().postJson("/api/devices/" + id + "/commands", Map.of("command",
                "setHeatingSetpoint", "arguments", List.of(22.5)), "Authorization", f.basic());
        assertThat(set.statusCode()).as(set.body()).isLessThan(300);
        eventually(() -> seen.contains(t + "target_temperature/command 22.5"), "the setpoint, plain");
        http().postJson("/api/devices/" + id + "/commands", Map.of("command", "off"), "Authorization", f.basic());
        eventually(() -> seen.contains(t + "mode/command off"), "off is the thermostat's when there is no switch");

        HttpResponse<String> tooHot = http().postJson("/api/devices/" + id + "/commands", Map.of("command",
                "setHeatingSetpoint", "arguments", List.of(45)), "Authorization", f.basic());
        assertThat(tooHot.statusCode()).isEqualTo(400);
        assertThat(tooHot.body()).contains("outside the thermostat's range, 7 to 30");
        HttpResponse<String> cool = http().postJson("/api/devices/" + id + "/commands", Map.of("command",
                "setThermostatMode", "arguments", List.of("cool")), "Authorization", f.basic());
        assertThat(cool.statusCode()).isEqualTo(400);
        assertThat(cool.body()).contains("it takes: off, heat");
        assertThat(seen).noneMatch(m -> m.endsWith(" 45") || m.endsWith(" cool"));
    }

    @Test
    void shelliesDiscoveryWhenAShelly1pmPublishesThenOneDeviceItsRelayPowerEnergyOverHttp() {
        Fixture f = fixture();
        SimulatedBridge broker = broker();
        String prefix = "ha-" + UUID.randomUUID();
        String mac = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        // the fixture's Shelly 1PM, its id and MAC made this run's own (the broker keeps retained states)
        String text = hearth.support.TestResources.read("hub/ha-shelly-discovery.json")
                .replace("84CCA8AD1A2B", mac).replace("84cca8ad1a2b", mac.toLowerCase(Locale.ROOT))
                .replace("84:cc:a8:ad:1a:2b", String.join(":", mac.toLowerCase(Locale.ROOT).split("(?<=\\G..)")));
        JsonNode row = JSON.readTree(text).get("rows").get("shelly_1pm");
        for (JsonNode c : row.get("configs")) {
            broker.publishRetained(c.get("topic").asText().replace("homeassistant/", prefix + "/"),
                    c.get("config").toString());
        }
        String s = "shellies/shelly1pm-" + mac + "/";
        broker.publishRetained(s + "online", "true");
        broker.publishRetained(s + "relay/0", "off");
        broker.publishRetained(s + "relay/0/power", "0.00");
        broker.publishRetained(s + "relay/0/energy", "180522");

        addHub(f, Map.of("url", "tcp://127.0.0.1:1883", "discoveryPrefix", prefix,
                "zigbee2mqttBaseTopic", broker.base(), "tasmotaDiscovery", false));
        String label = "Shelly 1PM " + mac;
        eventually(() -> hubDevices(f).containsKey(label), "the Shelly appears");
        assertThat(hubDevices(f)).as("one device: its entities share the MAC").hasSize(1);
        JsonNode shelly = hubDevices(f).get(label);
        assertThat(shelly.get("typeName").asText()).isEqualTo("Allterco Robotics Shelly 1PM");
        assertThat(shelly.get("capabilities").toString()).contains("switch", "powerMeter", "energyMeter", "healthCheck");
        String id = shelly.get("id").asText();
        eventually(() -> "off".equals(value(f, id, "switch")), "the relay");
        eventually(() -> "3008.7".equals(value(f, id, "energy")), "watt-minutes / 60");
        eventually(() -> "online".equals(value(f, id, "healthStatus")), "~online true");

        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        broker.watch(s + "relay/0/command", seen);
        http().postJson("/api/devices/" + id + "/commands", Map.of("command", "on"), "Authorization", f.basic());
        eventually(() -> seen.contains(s + "relay/0/command on"), "the relay's own payload");
        broker.publishRetained(s + "relay/0/power", "42.17");
        eventually(() -> "42.17".equals(value(f, id, "power")), "the power");
    }

    @Test
    void tasmotaDiscoveryWhenAPlugPublishesThenItsRelayAndEnergyWork() {
        Fixture f = fixture();
        SimulatedBridge broker = broker();
        String mac = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        String t = "plug_" + mac.toLowerCase(Locale.ROOT);
        broker.publishRetained("tasmota/discovery/" + mac + "/config", "{\"ip\":\"192.168.1.50\",\"dn\":\"Tasmota\","
                + "\"fn\":[\"Kitchen Plug\",null,null,null,null,null,null,null],\"hn\":\"" + t + "-1234\",\"mac\":\""
                + mac + "\",\"md\":\"Sonoff S31\",\"ty\":0,\"if\":0,\"ofln\":\"Offline\",\"onln\":\"Online\","
                + "\"state\":[\"OFF\",\"ON\",\"TOGGLE\",\"HOLD\"],\"sw\":\"13.2.0\",\"t\":\"" + t + "\",\"ft\":"
                + "\"%prefix%/%topic%/\",\"tp\":[\"cmnd\",\"stat\",\"tele\"],\"rl\":[1,0,0,0,0,0,0,0],"
                + "\"swc\":[-1,-1,-1,-1,-1,-1,-1,-1],\"swn\":[null,null,null,null,null,null,null,null],"
                + "\"btn\":[0,0,0,0,0,0,0,0],\"so\":{\"4\":0,\"11\":0,\"13\":0,\"17\":0,\"20\":0,\"30\":0,\"68\":0,"
                + "\"73\":0,\"82\":0,\"114\":0,\"117\":0},\"lk\":0,\"lt_st\":0,\"sho\":[0,0,0,0],\"ver\":1}");
        broker.publishRetained("tasmota/discovery/" + mac + "/sensors", "{\"sn\":{\"Time\":\"2024-06-01T10:00:00\","
                + "\"ENERGY\":{\"TotalStartTime\":\"2024-01-01T00:00:00\",\"Total\":12.345,\"Yesterday\":0.5,"
                + "\"Today\":0.2,\"Power\":35,\"ApparentPower\":40,\"ReactivePower\":10,\"Factor\":0.88,"
                + "\"Voltage\":230,\"Current\":0.17}},\"ver\":1}");
        broker.publishRetained("tele/" + t + "/LWT", "Online");
        broker.publishRetained("stat/" + t + "/POWER", "OFF");

        addHub(f, Map.of("url", "tcp://127.0.0.1:1883", "discoveryPrefix", "ha-" + UUID.randomUUID(),
                "zigbee2mqttBaseTopic", broker.base()));
        eventually(() -> hubDevices(f).containsKey("Kitchen Plug"), "the plug appears");
        JsonNode plug = hubDevices(f).get("Kitchen Plug");
        assertThat(plug.get("typeName").asText()).isEqualTo("Tasmota Sonoff S31");
        List<String> caps = new ArrayList<>();
        plug.get("capabilities").forEach(c -> caps.add(c.asText()));
        assertThat(caps).contains("switch", "powerMeter", "energyMeter", "healthCheck");
        String id = plug.get("id").asText();
        eventually(() -> "35".equals(value(f, id, "power")), "the energy readings");
        eventually(() -> "online".equals(value(f, id, "healthStatus")), "the LWT");
        eventually(() -> "off".equals(value(f, id, "switch")), "the relay");

        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        broker.watch("cmnd/" + t + "/+", seen);
        http().postJson("/api/devices/" + id + "/commands", Map.of("command", "on"), "Authorization", f.basic());
        eventually(() -> seen.contains("cmnd/" + t + "/POWER ON"), "cmnd/<t>/POWER ON");
        http().postJson("/api/devices/" + id + "/commands", Map.of("command", "ping"), "Authorization", f.basic());
        eventually(() -> seen.contains("cmnd/" + t + "/STATE "), "healthCheck's ping asks for its STATE");
        broker.publishRetained("tele/" + t + "/LWT", "Offline");
        eventually(() -> "offline".equals(value(f, id, "healthStatus")), "its last will: offline");
        broker.publishRetained("tele/" + t + "/LWT", "Online");
        broker.publishRetained("stat/" + t + "/POWER", "ON");
        eventually(() -> "on".equals(value(f, id, "switch")), "the plug reports on");
        broker.publish("tele/" + t + "/SENSOR", ("{\"Time\":\"2024-06-01T10:05:00\",\"ENERGY\":{\"Total\":12.4,"
                + "\"Power\":60}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        eventually(() -> "60".equals(value(f, id, "power")), "tele SENSOR");
        broker.publishRetained("tasmota/discovery/" + mac + "/config", "");
        eventually(() -> !hubDevices(f).containsKey("Kitchen Plug"), "an empty config removes the plug");
    }

    @Test
    void colourLightsWhenEsphomeAndTasmotaPublishThenHueAndSaturationGoBothWays() {
        Fixture f = fixture();
        SimulatedBridge broker = broker();
        String prefix = "ha-" + UUID.randomUUID();
        String node = "rgb" + UUID.randomUUID().toString().substring(0, 8);
        String mac = "a4cf13" + UUID.randomUUID().toString().substring(0, 6);
        // ESPHome's RGB light as it publishes it (JSON schema, supported_color_modes ["rgb"])
        broker.publishRetained(prefix + "/light/" + node + "/strip/config", "{\"schema\":\"json\",\"brightness\":true,"
                + "\"clrm\":true,\"sup_clrm\":[\"rgb\"],\"name\":\"Strip\",\"stat_t\":\"" + node
                + "/light/strip/state\",\"cmd_t\":\"" + node + "/light/strip/command\",\"avty_t\":\"" + node
                + "/status\",\"uniq_id\":\"ESPlightstrip\"," + esphomeDevice(node, mac) + "}");
        broker.publishRetained(node + "/light/strip/state", "{\"state\":\"ON\",\"color_mode\":\"rgb\","
                + "\"brightness\":255,\"color\":{\"r\":0,\"g\":0,\"b\":255}}");
        // Tasmota's RGB bulb (lt_st 3) as it publishes its discovery
        String tmac = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
        String t = "bulb_" + tmac.toLowerCase(Locale.ROOT);
        broker.publishRetained("tasmota/discovery/" + tmac + "/config", "{\"ip\":\"192.168.1.51\",\"dn\":\"Tasmota\","
                + "\"fn\":[\"Desk Bulb\",null,null,null,null,null,null,null],\"hn\":\"" + t + "-4321\",\"mac\":\""
                + tmac + "\",\"md\":\"Generic\",\"ty\":0,\"if\":0,\"ofln\":\"Offline\",\"onln\":\"Online\","
                + "\"state\":[\"OFF\",\"ON\",\"TOGGLE\",\"HOLD\"],\"sw\":\"13.2.0\",\"t\":\"" + t + "\",\"ft\":"
                + "\"%prefix%/%topic%/\",\"tp\":[\"cmnd\",\"stat\",\"tele\"],\"rl\":[2,0,0,0,0,0,0,0],"
                + "\"swc\":[-1,-1,-1,-1,-1,-1,-1,-1],\"swn\":[null,null,null,null,null,null,null,null],"
                + "\"btn\":[0,0,0,0,0,0,0,0],\"so\":{\"4\":0,\"11\":0,\"13\":0,\"17\":0,\"20\":0,\"30\":0,"
                + "\"68\":0,\"73\":0,\"82\":0,\"114\":0,\"117\":0},\"lk\":1,\"lt_st\":3,\"sho\":[0,0,0,0],"
                + "\"ver\":1}");
        broker.publishRetained("stat/" + t + "/RESULT", "{\"POWER\":\"ON\",\"Dimmer\":100,\"Color\":\"FF0000\","
                + "\"HSBColor\":\"0,100,100\",\"Channel\":[100,0,0]}");

        addHub(f, Map.of("url", "tcp://127.0.0.1:1883", "discoveryPrefix", prefix,
                "zigbee2mqttBaseTopic", broker.base()));
        eventually(() -> hubDevices(f).containsKey(node) && hubDevices(f).containsKey("Desk Bulb"), "both lights");
        String strip = hubDevices(f).get(node).get("id").asText();
        String bulb = hubDevices(f).get("Desk Bulb").get("id").asText();
        assertThat(hubDevices(f).get(node).get("capabilities").toString()).contains("colorControl");
        assertThat(hubDevices(f).get("Desk Bulb").get("capabilities").toString()).contains("colorControl");
        eventually(() -> "67".equals(value(f, strip, "hue")) && "100".equals(value(f, strip, "saturation")),
                "blue is hue 67 % (240°), saturation 100");
        eventually(() -> "0".equals(value(f, bulb, "hue")) && "100".equals(value(f, bulb, "saturation")),
                "Tasmota's HSBColor");

        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        broker.watch(node + "/light/strip/command", seen);
        broker.watch("cmnd/" + t + "/+", seen);
        http().postJson("/api/devices/" + strip + "/commands", Map.of("command", "setColor", "arguments",
                List.of(Map.of("hue", 0, "saturation", 100))), "Authorization", f.basic());
        eventually(() -> seen.contains(node + "/light/strip/command {\"state\":\"ON\",\"color\":{\"r\":255,\"g\":0,"
                + "\"b\":0}}"), "red as ESPHome takes it");
        http().postJson("/api/devices/" + bulb + "/commands", Map.of("command", "setHue", "arguments", List.of(33)),
                "Authorization", f.basic());
        eventually(() -> seen.contains("cmnd/" + t + "/Backlog HSBColor1 119"), "Tasmota's HSBColor1 in degrees");
        broker.publishRetained("stat/" + t + "/RESULT", "{\"HSBColor\":\"120,50,100\"}");
        eventually(() -> "33".equals(value(f, bulb, "hue")) && "50".equals(value(f, bulb, "saturation")),
                "the bulb reports its new colour");
    }

    @Test
    void hubsPageWhenOwnerAddsAHubThenItShowsStatusAndDevicesAndRefusalsSayWhatToFix() {
        Fixture f = fixture();
        SimulatedBridge bridge = broker();
        bridge.devices(JSON.readTree(hearth.support.TestResources.read("hub/zigbee2mqtt-bridge-devices.json"))
                .get("devices").toString());
        hearth.support.Http browser = signedInAs(f);
        String path = "/locations/" + f.locationId() + "/hubs";
        HttpResponse<String> empty = browser.get(path);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("id=\"no-hubs\"").contains("Add a hub");

        HttpResponse<String> refused = browser.postForm(path, Map.of("name", "Far", "url", "tcp://8.8.8.8:1883",
                "_csrf", hearth.support.Http.csrf(empty.body())));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("hearth.hubs.allow").contains("value=\"tcp://8.8.8.8:1883\"");

        HttpResponse<String> added = browser.postForm(path, Map.of("name", "Zigbee", "url", "tcp://127.0.0.1:1883",
                "password", "page-secret-3", "zigbee2mqttBaseTopic", bridge.base(), "discoveryPrefix",
                "ha-" + UUID.randomUUID(), "_csrf", hearth.support.Http.csrf(empty.body())));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        eventually(() -> browser.get(path).body().contains("living_room_bulb"), "the devices on the page");
        String page = browser.get(path).body();
        assertThat(page).contains("Zigbee").contains("IKEA LED1545G12").doesNotContain("page-secret-3");
        eventually(() -> browser.get(path).body().contains(">online<"), "the status on the page");
        // Someone else's Location's hubs page is a 404, like its API.
        Fixture other = fixture();
        assertThat(browser.get("/locations/" + other.locationId() + "/hubs").statusCode()).isEqualTo(404);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .build();
}
