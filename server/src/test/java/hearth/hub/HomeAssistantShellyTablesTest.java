package hearth.hub;

import org.junit.jupiter.api.Test;

/**
 * Shelly Gen1 devices as the Shellies Discovery script publishes their Home Assistant discovery
 * (hub/ha-shelly-discovery.json), a row per device: its configs in, the capabilities of the one
 * Hearth device they make (grouped by {@code device.connections}, the script gives no identifiers),
 * each state message's attribute, each command's topic and payload, and each refusal.
 */
class HomeAssistantShellyTablesTest {
    private static final HomeAssistantFixtures ROWS = new HomeAssistantFixtures("hub/ha-shelly-discovery.json");

    @Test
    void shelly1pmWhenRelayPowerEnergyAndInputThenOneDeviceWattHoursAndTheInputOnOff() {
        ROWS.check("shelly_1pm");
    }

    @Test
    void shellyDimmerWhenTemplateLightThenSwitchAndLevelReadAndItsJinjaCommandsRefused() {
        ROWS.check("shelly_dimmer");
    }

    @Test
    void shelly25WhenRollerThenItsOpenCloseStopAreOpeningClosingAndWhereItStopped() {
        ROWS.check("shelly_25_roller");
    }
}
