package hearth.engine.api;

import java.util.List;
import java.util.Map;

/**
 * One device as an Installation may see it. The host only hands out handles for devices the
 * user chose for that Installation, so holding a handle is the permission to use it.
 */
public interface DeviceHandle {

    String id();

    /** The user's label; classic {@code displayName} falls back to {@link #name()} when it is blank. */
    String label();

    /** The device's name (its type's default name for virtual devices). */
    String name();

    /** The device type's name, e.g. "Virtual Switch". */
    String typeName();

    /** Capability ids in camelCase, e.g. {@code ["switch", "switchLevel"]}. */
    List<String> capabilities();

    /** Current values by attribute name. */
    Map<String, AttributeState> currentStates();

    /**
     * Runs a command of one of the device's capabilities.
     *
     * @throws UnsupportedCommandException when the device has no such command or the arguments don't fit
     */
    void command(String name, List<Object> arguments);

    /** The latest events, newest first, at most {@code max}. */
    List<DeviceEvent> events(int max);

    /** The events the query asks for, newest first; this default filters the latest {@link EventQuery#LIMIT}. */
    default List<DeviceEvent> events(EventQuery query) {
        return events(EventQuery.LIMIT).stream().filter(e -> query.matches(e.name(), e.date())).limit(query.max())
                .toList();
    }
}
