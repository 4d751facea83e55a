package hearth.hub;

import hearth.engine.api.HubSnapshot;
import hearth.installation.LocationHubs;
import org.springframework.stereotype.Component;

import java.util.List;

/** The Location's hubs for its SmartApps: id, name and whether the broker connection is up, nothing of the broker. */
@Component
class AppVisibleHubs implements LocationHubs {
    private final HubRepository hubs;
    private final HubConnections connections;

    AppVisibleHubs(HubRepository hubs, HubConnections connections) {
        this.hubs = hubs;
        this.connections = connections;
    }

    @Override
    public List<HubSnapshot> of(String locationId) {
        return hubs.findByLocation(locationId).stream()
                .map(h -> new HubSnapshot(h.id(), h.name(), connections.status(h.id()) == HubStatus.ONLINE)).toList();
    }
}
