package hearth.hub;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Home Assistant MQTT discovery's components and device classes to Hearth's capabilities: one
 * row each, the first that matches wins ({@code *} matches any class). What no row covers
 * (a {@code sensor} of class {@code pressure}, say) is kept as a custom attribute named after the
 * entity's object id.
 */
final class HomeAssistantCapabilities {

    /**
     * @param attribute the Hearth attribute the entity's state becomes
     * @param on        the attribute's value when the entity's state is its "on" payload (binary
     *                  components), null for measurements
     */
    record Row(String component, String deviceClass, String capability, String attribute, String on, String off) {
        boolean matches(String component, String deviceClass) {
            return this.component.equals(component) && (this.deviceClass.equals("*")
                    || this.deviceClass.equals(deviceClass == null ? "" : deviceClass.toLowerCase(Locale.ROOT)));
        }
    }

    static final List<Row> ROWS = List.of(
            new Row("switch", "*", "switch", "switch", "on", "off"),
            new Row("light", "*", "switch", "switch", "on", "off"),
            // Home Assistant's door "ON" means open (its binary_sensor docs), unlike zigbee2mqtt's contact
            new Row("binary_sensor", "door", "contactSensor", "contact", "open", "closed"),
            new Row("binary_sensor", "window", "contactSensor", "contact", "open", "closed"),
            new Row("binary_sensor", "garage_door", "contactSensor", "contact", "open", "closed"),
            new Row("binary_sensor", "opening", "contactSensor", "contact", "open", "closed"),
            new Row("binary_sensor", "motion", "motionSensor", "motion", "active", "inactive"),
            new Row("binary_sensor", "occupancy", "motionSensor", "motion", "active", "inactive"),
            new Row("binary_sensor", "presence", "presenceSensor", "presence", "present", "not present"),
            new Row("binary_sensor", "moisture", "waterSensor", "water", "wet", "dry"),
            new Row("binary_sensor", "smoke", "smokeDetector", "smoke", "detected", "clear"),
            new Row("binary_sensor", "carbon_monoxide", "carbonMonoxideDetector", "carbonMonoxide", "detected", "clear"),
            new Row("sensor", "temperature", "temperatureMeasurement", "temperature", null, null),
            new Row("sensor", "humidity", "relativeHumidityMeasurement", "humidity", null, null),
            new Row("sensor", "illuminance", "illuminanceMeasurement", "illuminance", null, null),
            new Row("sensor", "battery", "battery", "battery", null, null),
            new Row("sensor", "power", "powerMeter", "power", null, null),
            new Row("sensor", "energy", "energyMeter", "energy", null, null),
            new Row("lock", "*", "lock", "lock", "locked", "unlocked"),
            new Row("cover", "*", "windowShade", "windowShade", "open", "closed"),
            // climate's mode, setpoints, temperature and action: HomeAssistantAdapter.climate reads them
            new Row("climate", "*", "thermostat", "thermostatMode", null, null));

    private HomeAssistantCapabilities() {
    }

    static Optional<Row> row(String component, String deviceClass) {
        return ROWS.stream().filter(r -> r.matches(component, deviceClass)).findFirst();
    }

    /** The components Hearth reads; others (number, select, fan...) are left to Home Assistant. */
    static boolean supported(String component) {
        return ROWS.stream().anyMatch(r -> r.component().equals(component));
    }
}
