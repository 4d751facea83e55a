package hearth.hub;

import hearth.device.LocalDevices.Reading;
import hearth.hub.Zigbee2MqttCapabilities.Binding;
import hearth.support.TestResources;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The capability table, row by row, on the exposes of real devices (zigbee-herdsman-converters). */
class Zigbee2MqttCapabilitiesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, JsonNode> DEVICES = devices();

    private static Map<String, JsonNode> devices() {
        JsonNode all = JSON.readTree(TestResources.read("hub/zigbee2mqtt-bridge-devices.json")).get("devices");
        return java.util.stream.StreamSupport.stream(all.spliterator(), false)
                .collect(Collectors.toMap(d -> d.get("friendly_name").asText(), d -> d));
    }

    private static List<Binding> bindings(String name) {
        return Zigbee2MqttCapabilities.bind(Expose.parse(DEVICES.get(name).get("definition").get("exposes")));
    }

    private static Map<String, Object> read(String name, String state) {
        Map<String, Reading> readings = Zigbee2MqttCapabilities.read(bindings(name), JSON.readTree(state));
        return readings.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().value() == null ? "null" : e.getValue().value().toString()));
    }

    private static String command(String name, String command, Object... args) {
        return new String(HubJson.write(Zigbee2MqttCapabilities.command(bindings(name), command, List.of(args))),
                StandardCharsets.UTF_8);
    }

    @Test
    void switchWhenLightStateOnThenSwitchOnAndCommandsPublishValueOnOff() {
        assertThat(read("living_room_bulb", "{\"state\":\"ON\"}")).containsEntry("switch", "on");
        assertThat(read("living_room_bulb", "{\"state\":\"OFF\"}")).containsEntry("switch", "off");
        assertThat(command("living_room_bulb", "on")).isEqualTo("{\"state\":\"ON\"}");
        assertThat(command("kitchen_plug", "off")).isEqualTo("{\"state\":\"OFF\"}");
    }

    @Test
    void switchLevelWhenBrightness0To254ThenLevel0To100AndBack() {
        assertThat(read("living_room_bulb", "{\"brightness\":254}")).containsEntry("level", "100");
        assertThat(read("living_room_bulb", "{\"brightness\":127}")).containsEntry("level", "50");
        assertThat(command("living_room_bulb", "setLevel", 40)).isEqualTo("{\"brightness\":102}");
    }

    @Test
    void colorTemperatureWhenMiredThenKelvinAndBackWithinTheDevicesRange() {
        assertThat(read("living_room_bulb", "{\"color_temp\":250}")).containsEntry("colorTemperature", "4000");
        assertThat(command("living_room_bulb", "setColorTemperature", 2700)).isEqualTo("{\"color_temp\":370}");
        assertThat(command("living_room_bulb", "setColorTemperature", 6500)).as("250 is the coolest it takes")
                .isEqualTo("{\"color_temp\":250}");
    }

    @Test
    void colorControlWhenHueBulbReportsHueDegreesThenHuePercent() {
        assertThat(read("hue_bulb", "{\"color\":{\"hue\":180,\"saturation\":50}}"))
                .containsEntry("hue", "50").containsEntry("saturation", "50");
        assertThat(command("hue_bulb", "setHue", 25)).isEqualTo("{\"color\":{\"hue\":90}}");
    }

    @Test
    void contactSensorWhenContactTrueThenClosed() {
        assertThat(read("front_door", "{\"contact\":true}")).containsEntry("contact", "closed");
        assertThat(read("front_door", "{\"contact\":false}")).containsEntry("contact", "open");
    }

    @Test
    void motionSensorWhenOccupancyThenActive() {
        assertThat(read("hall_motion", "{\"occupancy\":true,\"illuminance\":30}")).containsEntry("motion", "active")
                .containsEntry("illuminance", "30");
    }

    @Test
    void lockWhenLockStateThenLockedAndCommandsPublishLockUnlock() {
        assertThat(read("front_lock", "{\"state\":\"LOCK\",\"lock_state\":\"locked\"}")).containsEntry("lock", "locked");
        assertThat(read("front_lock", "{\"lock_state\":\"not_fully_locked\"}")).containsEntry("lock", "unknown");
        assertThat(command("front_lock", "unlock")).isEqualTo("{\"state\":\"UNLOCK\"}");
    }

    @Test
    void powerAndEnergyMetersWhenPlugReportsThenWattsAndKilowattHours() {
        assertThat(read("kitchen_plug", "{\"power\":12.5,\"energy\":3.25}")).containsEntry("power", "12.5")
                .containsEntry("energy", "3.25");
    }

    @Test
    void windowShadeWhenCoverOpenThenOpenAndCommandsPublishOpenClose() {
        assertThat(read("bedroom_blind", "{\"state\":\"OPEN\",\"position\":100}")).containsEntry("windowShade", "open")
                .containsEntry("position", "100");
        assertThat(command("bedroom_blind", "close")).isEqualTo("{\"state\":\"CLOSE\"}");
    }

    @Test
    void buttonWhenActionThenPushedOrHeldEveryTimeAndTheRawActionKept() {
        Map<String, Reading> single = Zigbee2MqttCapabilities.read(bindings("desk_button"),
                JSON.readTree("{\"action\":\"double\"}"));
        assertThat(single.get("button").value()).isEqualTo("pushed");
        assertThat(single.get("button").alwaysEvent()).isTrue();
        assertThat(single.get("action").value()).isEqualTo("double");
        assertThat(read("desk_button", "{\"action\":\"hold\"}")).containsEntry("button", "held");
    }

    @Test
    void temperatureAndHumidityWhenReportedThenInThePublishedUnits() {
        Map<String, Reading> r = Zigbee2MqttCapabilities.read(bindings("bathroom_climate"),
                JSON.readTree("{\"temperature\":21.5,\"humidity\":48,\"pressure\":1001}"));
        assertThat(r.get("temperature").unit()).isEqualTo("C");
        assertThat(r.get("humidity").value().toString()).isEqualTo("48");
        assertThat(r.get("pressure").value().toString()).as("no capability: a custom attribute").isEqualTo("1001");
    }

    @Test
    void waterSensorWhenLeakThenWet() {
        assertThat(read("kitchen_leak", "{\"water_leak\":true}")).containsEntry("water", "wet");
    }

    @Test
    void commandWhenDeviceExposesNothingForItThenRefusedSayingSo() {
        assertThatThrownBy(() -> command("front_door", "on")).hasMessageContaining("exposes nothing");
    }

    @Test
    void readWhenValuesHaveOddNamesOrNestingThenTheyAreLeftOut() {
        Map<String, Object> r = read("front_door", "{\"<script>\":1,\"update\":{\"state\":\"idle\"},\"contact\":[true]}");
        assertThat(r).doesNotContainKeys("<script>", "update", "contact");
    }
}
