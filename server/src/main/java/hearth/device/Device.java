package hearth.device;

import hearth.engine.api.AttributeState;
import hearth.engine.capability.Capabilities;

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

    /** Whether it has the capability, named by id ({@code switchLevel}) or by name ({@code Switch Level}). */
    public boolean hasCapability(String capability) {
        String id = Capabilities.find(capability).map(c -> c.id()).orElse(capability);
        return capabilities.contains(id);
    }

    public Device withAttributes(Map<String, AttributeState> newAttributes) {
        return new Device(id, locationId, label, name, typeName, capabilities, newAttributes, createdAt);
    }
}
