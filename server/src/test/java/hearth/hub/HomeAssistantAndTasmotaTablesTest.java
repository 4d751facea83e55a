package hearth.hub;

import hearth.device.LocalDevices.Reading;
import hearth.hub.HomeAssistantAdapter.Entity;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Home Assistant discovery's and Tasmota's tables, row by row, on payloads as the devices publish them. */
class HomeAssistantAndTasmotaTablesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Entity entity(String component, String config) {
        HomeAssistantDiscovery c = HomeAssistantDiscovery.parse(component, "object", JSON.readTree(config));
        return new Entity("cfg", c, HomeAssistantCapabilities.row(component, c.deviceClass()).orElse(null),
                c.groupKey());
    }

    private static Map<String, Reading> read(Entity e, String payload) {
        return HomeAssistantAdapter.read(e, e.config().stateTopic(), payload.getBytes(StandardCharsets.UTF_8));
    }

    private static Object value(Map<String, Reading> readings, String attribute) {
        Reading r = readings.get(attribute);
        return r == null ? null : r.value().toString();
    }

    @Test
    void discoveryWhenAbbreviatedWithTildeThenTopicsAndDeviceExpanded() {
        HomeAssistantDiscovery c = HomeAssistantDiscovery.parse("switch", "relay", JSON.readTree(
                "{\"~\":\"shelly/plug\",\"stat_t\":\"~/relay/0\",\"cmd_t\":\"~/relay/0/command\",\"pl_on\":\"on\","
                        + "\"pl_off\":\"off\",\"uniq_id\":\"plug-r0\",\"dev\":{\"ids\":[\"shellyplug-ABC\"],"
                        + "\"mf\":\"Shelly\",\"mdl\":\"Plug S\",\"name\":\"Desk plug\"}}"));
        assertThat(c.stateTopic()).isEqualTo("shelly/plug/relay/0");
        assertThat(c.commandTopic()).isEqualTo("shelly/plug/relay/0/command");
        assertThat(c.groupKey()).isEqualTo("shellyplug-ABC");
        assertThat(c.typeName()).isEqualTo("Shelly Plug S");
        assertThat(c.label()).isEqualTo("Desk plug");
        assertThat(c.payloadOn()).isEqualTo("on");
    }

    @Test
    void discoveryWhenTopicsHaveWildcardsThenTheyAreRefused() {
        HomeAssistantDiscovery c = HomeAssistantDiscovery.parse("switch", "x", JSON.readTree(
                "{\"stat_t\":\"a/#\",\"cmd_t\":\"a/+/set\"}"));
        assertThat(c.stateTopic()).isNull();
        assertThat(c.commandTopic()).isNull();
    }

    @Test
    void switchWhenPayloadOnThenOn() {
        assertThat(value(read(entity("switch", "{\"stat_t\":\"s\"}"), "ON"), "switch")).isEqualTo("on");
    }

    @Test
    void lightWhenJsonSchemaThenSwitchAndLevelFromBrightness255() {
        Entity e = entity("light", "{\"schema\":\"json\",\"brightness\":true,\"stat_t\":\"s\",\"cmd_t\":\"c\"}");
        Map<String, Reading> r = read(e, "{\"state\":\"ON\",\"brightness\":128}");
        assertThat(value(r, "switch")).isEqualTo("on");
        assertThat(value(r, "level")).isEqualTo("50");
    }

    @Test
    void binarySensorWhenDoorOnThenOpen() {
        assertThat(value(read(entity("binary_sensor", "{\"dev_cla\":\"door\",\"stat_t\":\"s\"}"), "ON"), "contact"))
                .isEqualTo("open");
        assertThat(value(read(entity("binary_sensor", "{\"dev_cla\":\"motion\",\"stat_t\":\"s\"}"), "OFF"), "motion"))
                .isEqualTo("inactive");
        assertThat(value(read(entity("binary_sensor", "{\"dev_cla\":\"moisture\",\"stat_t\":\"s\"}"), "ON"), "water"))
                .isEqualTo("wet");
    }

    @Test
    void sensorWhenValueTemplateReadsJsonThenTheMeasurementInItsUnit() {
        Entity e = entity("sensor", "{\"dev_cla\":\"temperature\",\"unit_of_meas\":\"°C\",\"stat_t\":\"s\","
                + "\"val_tpl\":\"{{ value_json.temperature | round(1) }}\"}");
        Map<String, Reading> r = read(e, "{\"temperature\":21.46,\"humidity\":40}");
        assertThat(value(r, "temperature")).isEqualTo("21.46");
        assertThat(r.get("temperature").unit()).isEqualTo("C");
        Entity bracket = entity("sensor", "{\"dev_cla\":\"power\",\"stat_t\":\"s\","
                + "\"val_tpl\":\"{{ value_json['ENERGY']['Power'] }}\"}");
        assertThat(value(read(bracket, "{\"ENERGY\":{\"Power\":12}}"), "power")).isEqualTo("12");
    }

    @Test
    void sensorWhenTemplateIsBeyondHearthThenNothingIsGuessed() {
        Entity e = entity("sensor", "{\"dev_cla\":\"temperature\",\"stat_t\":\"s\","
                + "\"val_tpl\":\"{% if value > 3 %}{{ value }}{% endif %}\"}");
        assertThat(read(e, "21")).isEmpty();
    }

    @Test
    void templateWhenArithmeticOrAnArrayIndexThenAppliedAndADivisionByZeroIsNotRead() {
        assertThat(HomeAssistantDiscovery.Template.parse("{{ value_json.a[1].b * 10 }}")
                .apply("{\"a\":[{},{\"b\":2.5}]}".getBytes(StandardCharsets.UTF_8))).isEqualTo("25");
        assertThat(HomeAssistantDiscovery.Template.parse("{{value|float/60}}")
                .apply("90".getBytes(StandardCharsets.UTF_8))).isEqualTo("1.5");
        assertThat(HomeAssistantDiscovery.Template.parse("{{ value | float / 0 }}")).isNull();
        assertThat(HomeAssistantDiscovery.Template.parse("{{ value_json.t | float * 1.8 + 32 }}"))
                .as("+ is beyond Hearth: not read rather than read as t x 1.8").isNull();
        assertThat(HomeAssistantDiscovery.Template.parse("{{ value_json.t | default('-') }}")).isNotNull();
        assertThat(HomeAssistantDiscovery.Template.parse("{{ value_json.x | multiply(2) }}")
                .apply("{\"x\":\"abc\"}".getBytes(StandardCharsets.UTF_8))).as("not a number: nothing").isNull();
    }

    @Test
    void templateWhenIfElseOnAValueThenItsTruthPicksAndAnAbsentValueSaysNothing() {
        HomeAssistantDiscovery.Template t = HomeAssistantDiscovery.Template.parse(
                "{%if value_json.ison%}on{%else%}off{%endif%}");
        assertThat(t.apply("{\"ison\":true}".getBytes(StandardCharsets.UTF_8))).isEqualTo("on");
        assertThat(t.apply("{\"ison\":0}".getBytes(StandardCharsets.UTF_8))).isEqualTo("off");
        assertThat(t.apply("{\"mode\":\"white\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(HomeAssistantDiscovery.Template.parse("{%if value_json.t==4%}off{%else%}heat{%endif%}"))
                .as("a comparison is beyond Hearth").isNull();
    }

    @Test
    void sensorWhenNoCapabilityThenCustomAttributeNamedByObjectId() {
        Entity e = entity("sensor", "{\"dev_cla\":\"pressure\",\"unit_of_meas\":\"hPa\",\"stat_t\":\"s\"}");
        assertThat(value(read(e, "1013.2"), "object")).isEqualTo("1013.2");
    }

    @Test
    void lockWhenLockedThenLocked() {
        assertThat(value(read(entity("lock", "{\"stat_t\":\"s\",\"cmd_t\":\"c\"}"), "LOCKED"), "lock"))
                .isEqualTo("locked");
    }

    @Test
    void coverWhenOpenThenWindowShadeOpen() {
        assertThat(value(read(entity("cover", "{\"stat_t\":\"s\",\"cmd_t\":\"c\"}"), "open"), "windowShade"))
                .isEqualTo("open");
    }

    @Test
    void tasmotaSensorsWhenEnergyAndClimateThenPowerEnergyTemperatureHumidity() {
        Map<String, Reading> r = TasmotaSensors.read(JSON.readTree("{\"Time\":\"2024-06-01T10:00:00\","
                + "\"AM2301\":{\"Temperature\":22.1,\"Humidity\":45.0},\"ENERGY\":{\"Total\":12.345,\"Power\":35},"
                + "\"TempUnit\":\"C\"}"));
        assertThat(value(r, "temperature")).isEqualTo("22.1");
        assertThat(r.get("temperature").unit()).isEqualTo("C");
        assertThat(value(r, "humidity")).isEqualTo("45.0");
        assertThat(value(r, "power")).isEqualTo("35");
        assertThat(value(r, "energy")).isEqualTo("12.345");
    }
}
