package hearth.modern;

import hearth.device.Device;
import hearth.engine.api.AttributeState;
import hearth.location.Location;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Locations and devices in the modern API's JSON shapes, field names as SmartThings spells them. */
final class SmartThingsViews {
    private SmartThingsViews() {
    }

    static Map<String, Object> locationItem(Location location) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("locationId", location.id());
        item.put("name", location.name());
        return item;
    }

    static Map<String, Object> location(Location location) {
        Map<String, Object> view = locationItem(location);
        view.put("timeZoneId", location.timeZone());
        view.put("temperatureScale", "F");
        view.put("locale", "en");
        view.put("backgroundImage", null);
        view.put("created", time(location.createdAt()));
        view.put("additionalProperties", Map.of());
        return view;
    }

    /** A room's id: the same for the same name in the same Location, on every node and after a restart. */
    static String roomId(String locationId, String room) {
        return room == null ? null
                : UUID.nameUUIDFromBytes((locationId + "/" + room).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Map<String, Object> room(String locationId, String room) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("roomId", roomId(locationId, room));
        view.put("locationId", locationId);
        view.put("name", room);
        view.put("backgroundImage", null);
        return view;
    }

    static Map<String, Object> device(Device device, String ownerId) {
        Map<String, Object> component = new LinkedHashMap<>();
        component.put("id", SmartThingsApi.MAIN);
        component.put("label", SmartThingsApi.MAIN);
        component.put("capabilities", CapabilityNames.of(device).stream()
                .map(c -> Map.<String, Object>of("id", c.id(), "version", 1)).toList());
        component.put("categories", List.of(Map.of("name", "Other", "categoryType", "manufacturer")));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("deviceId", device.id());
        view.put("name", device.name());
        view.put("label", device.label());
        view.put("manufacturerName", "Hearth");
        view.put("presentationId", "hearth-virtual");
        view.put("locationId", device.locationId());
        view.put("ownerId", ownerId);
        view.put("roomId", roomId(device.locationId(), device.room()));
        view.put("components", List.of(component));
        view.put("createTime", time(device.createdAt()));
        view.put("type", "VIRTUAL");
        view.put("restrictionTier", 0);
        view.put("allowed", List.of());
        view.put("executionContext", "CLOUD");
        view.put("virtual", Map.of("name", device.typeName(), "executingLocally", false));
        return view;
    }

    /** {@code {"switch": {"value": "on", "timestamp": "…"}}}: each attribute of the capability, null when never set. */
    static Map<String, Object> capabilityStatus(Device device, CapabilityNames.Modern capability) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        capability.attributes().forEach((modern, hearth) -> {
            AttributeState state = device.attributes().get(hearth);
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("value", state == null ? null : state.value());
            if (state != null && state.unit() != null) {
                value.put("unit", state.unit());
            }
            if (state != null && state.date() != null) {
                value.put("timestamp", time(state.date()));
            }
            attributes.put(modern, value);
        });
        return attributes;
    }

    /** ISO-8601 in UTC with milliseconds, as SmartThings writes times. */
    static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
