package hearth.device;

import hearth.engine.api.AttributeState;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A (virtual) device with its current attribute values.
 *
 * @param capabilities capability ids in camelCase
 */
public record Device(String id, String locationId, String label, String name, String typeName,
                     List<String> capabilities, Map<String, AttributeState> attributes, Instant createdAt) {
    public Device {
        capabilities = List.copyOf(capabilities);
        attributes = Map.copyOf(attributes);
    }

    public Device withAttributes(Map<String, AttributeState> newAttributes) {
        return new Device(id, locationId, label, name, typeName, capabilities, newAttributes, createdAt);
    }
}
