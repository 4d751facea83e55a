package hearth.hub;

import org.junit.jupiter.api.Test;

/**
 * Home Assistant's MQTT {@code climate} as Hearth's thermostat, a row per device as its firmware
 * publishes its discovery (hub/ha-climate-discovery.json): its configs in, the capabilities, each
 * state message's attribute, each command's topic and payload, and each refusal (a setpoint outside
 * min_temp..max_temp, a mode the device doesn't list, a command template Hearth can't render).
 */
class HomeAssistantClimateTablesTest {
    private static final HomeAssistantFixtures ROWS = new HomeAssistantFixtures("hub/ha-climate-discovery.json");

    @Test
    void climateWhenEsphomeHeaterThenOneSetpointIsTheHeatingOneAndModesOffHeat() {
        ROWS.check("esphome_heater");
    }

    @Test
    void climateWhenEsphomeTwoPointThenLowIsHeatingHighIsCoolingAndAutoIsSent() {
        ROWS.check("esphome_bang_bang");
    }

    @Test
    void climateWhenOneJsonTopicInFahrenheitThenTemplatesUnitsHeatCoolAsAutoAndPrecision() {
        ROWS.check("heat_cool_fahrenheit");
    }

    @Test
    void climateWhenShellyTrvThenArrayTemplatesReadAndItsConditionalModeTemplateRefused() {
        ROWS.check("shelly_trv");
    }
}
