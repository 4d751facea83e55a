package hearth.device;

import hearth.engine.api.DeviceEvent;

import java.util.List;

/** A device's attributes changed (one command, its events in order): its subscribers hear of it. */
public record DeviceEventsRecorded(String deviceId, String locationId, String displayName, List<DeviceEvent> events) {
    public DeviceEventsRecorded {
        events = List.copyOf(events);
    }
}
