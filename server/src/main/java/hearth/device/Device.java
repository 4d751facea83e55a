package hearth.device;

import hearth.engine.api.AttributeState;
import hearth.engine.capability.Capabilities;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A device with its current attribute values: virtual (its commands set its attributes), or one a
 * hub discovered (its commands go to the hub; its attributes change when the hub reports them).
 *
 * @param capabilities capability ids in camelCase
 * @param hubId        the hub it came from, or null for a virtual device
 * @param room         the room of its Location it is in (a name, as its owner wrote it), or null
 * @param hidden       a person hid it: not on the home page nor offered to new Installations; it
 *                     still works, and Installations that have it keep it
 */
public record Device(String id, String locationId, String label, String name, String typeName,
                     List<String> capabilities, Map<String, AttributeState> attributes, Instant createdAt,
                     String hubId, String room, boolean hidden) {
    public Device {
        capabilities = List.copyOf(capabilities);
        attributes = Map.copyOf(attributes);
    }

    /** A device in no room yet, not hidden. */
    public Device(String id, String locationId, String label, String name, String typeName, List<String> capabilities,
                  Map<String, AttributeState> attributes, Instant createdAt, String hubId) {
        this(id, locationId, label, name, typeName, capabilities, attributes, createdAt, hubId, null, false);
    }

    /** Whether it has the capability, named by id ({@code switchLevel}) or by name ({@code Switch Level}). */
    public boolean hasCapability(String capability) {
        String id = Capabilities.find(capability).map(c -> c.id()).orElse(capability);
        return capabilities.contains(id);
    }

    public boolean virtual() {
        return hubId == null;
    }

    public Device withAttributes(Map<String, AttributeState> newAttributes) {
        return new Device(id, locationId, label, name, typeName, capabilities, newAttributes, createdAt, hubId, room,
                hidden);
    }

    public Device withLabel(String newLabel) {
        return new Device(id, locationId, newLabel, name, typeName, capabilities, attributes, createdAt, hubId, room,
                hidden);
    }

    public Device withRoom(String newRoom) {
        return new Device(id, locationId, label, name, typeName, capabilities, attributes, createdAt, hubId, newRoom,
                hidden);
    }

    public Device withHidden(boolean newHidden) {
        return new Device(id, locationId, label, name, typeName, capabilities, attributes, createdAt, hubId, room,
                newHidden);
    }
}
