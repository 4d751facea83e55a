package hearth.hub;

import hearth.device.LocalDevices.Reading;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tasmota's sensor readings ({@code tele/<t>/SENSOR}, the {@code sn} of discovery): a JSON object
 * per sensor ({@code "AM2301": {"Temperature": 21.3, "Humidity": 45}}, {@code "ENERGY": {...}})
 * with the units in {@code TempUnit}. One table from Tasmota's names to Hearth's attributes.
 */
final class TasmotaSensors {
    /** Tasmota's field, the sensor it must be in ({@code *}: any), the Hearth attribute, its capability and unit. */
    record Row(String field, String sensor, String attribute, String capability, String unit) {
    }

    static final List<Row> ROWS = List.of(
            new Row("Temperature", "*", "temperature", "temperatureMeasurement", null),
            new Row("Humidity", "*", "humidity", "relativeHumidityMeasurement", "%"),
            new Row("Illuminance", "*", "illuminance", "illuminanceMeasurement", "lux"),
            new Row("Power", "ENERGY", "power", "powerMeter", "W"),
            new Row("Total", "ENERGY", "energy", "energyMeter", "kWh"));

    private TasmotaSensors() {
    }

    static Map<String, Reading> read(JsonNode json) {
        Map<String, Reading> out = new LinkedHashMap<>();
        String tempUnit = json.path("TempUnit").isString() ? json.get("TempUnit").asString() : "C";
        if (!tempUnit.equals("C") && !tempUnit.equals("F")) {
            tempUnit = null;
        }
        int sensors = 0;
        for (Map.Entry<String, JsonNode> sensor : json.properties()) {
            if (!sensor.getValue().isObject() || sensors++ > 20) {
                continue;
            }
            for (Row row : ROWS) {
                if (out.containsKey(row.attribute()) || !(row.sensor().equals("*") || row.sensor().equals(sensor.getKey()))) {
                    continue;
                }
                JsonNode v = sensor.getValue().get(row.field());
                if (v != null && v.isNumber()) {
                    out.put(row.attribute(), new Reading(v.decimalValue(), row.attribute().equals("temperature")
                            ? tempUnit : row.unit()));
                }
            }
        }
        return out;
    }

    static Optional<String> capability(String attribute) {
        return ROWS.stream().filter(r -> r.attribute().equals(attribute)).map(Row::capability).findFirst();
    }
}
