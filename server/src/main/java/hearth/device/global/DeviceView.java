package hearth.device.global;

import hearth.device.Device;
import hearth.engine.api.AttributeState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A device as the management API shows it; {@code hubId} is null for a virtual device, {@code room} when in none;
 * {@code hidden} as a person set it. */
public record DeviceView(String id, String locationId, String label, String name, String typeName,
                         List<String> capabilities, Map<String, Value> attributes, String hubId, String room,
                         boolean hidden) {

    public record Value(Object value, String unit, Instant date) {
    }

    public static DeviceView of(Device d) {
        Map<String, Value> values = new LinkedHashMap<>();
        d.attributes().values().stream().sorted(java.util.Comparator.comparing(AttributeState::name))
                .forEach(s -> values.put(s.name(), new Value(s.value(), s.unit(), s.date())));
        return new DeviceView(d.id(), d.locationId(), d.label(), d.name(), d.typeName(), d.capabilities(), values,
                d.hubId(), d.room(), d.hidden());
    }
}
