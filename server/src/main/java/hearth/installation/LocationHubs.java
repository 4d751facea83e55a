package hearth.installation;

import hearth.engine.api.HubSnapshot;

import java.util.List;

/**
 * A Location's real hubs as its SmartApps see them (classic {@code location.hubs}, {@code device.hub}):
 * the hub package, above this one, answers it.
 */
public interface LocationHubs {

    /** In the order they were added; none for a Location without hubs. */
    List<HubSnapshot> of(String locationId);
}
