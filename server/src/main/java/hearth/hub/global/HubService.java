package hearth.hub.global;

import hearth.cluster.Shards;
import hearth.hub.HubInfo;
import hearth.hub.HubRequest;
import hearth.location.Location;
import hearth.location.global.LocationService;
import hearth.web.ApiException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hubs as their owner reaches them: only the owner of a hub's Location sees or changes it
 * (anyone else gets the same 404 as for a hub that doesn't exist), and the work goes to the
 * Server hosting the Location.
 */
@Service
public class HubService {
    private final LocationService locations;
    private final Shards shards;

    public HubService(LocationService locations, Shards shards) {
        this.locations = locations;
        this.shards = shards;
    }

    public HubInfo create(String ownerId, String locationId, HubRequest request) {
        if (request == null) {
            throw ApiException.badRequest("send the hub as JSON: {\"name\": ..., \"url\": \"tcp://host:1883\"}");
        }
        Location location = locations.owned(ownerId, locationId);
        return shards.of(location.serverName()).createHub(location.id(), request);
    }

    public List<HubInfo> inLocation(String ownerId, String locationId) {
        Location location = locations.owned(ownerId, locationId);
        return shards.of(location.serverName()).hubs(location.id());
    }

    public HubInfo owned(String ownerId, String hubId) {
        return find(ownerId, hubId).hub();
    }

    public HubInfo update(String ownerId, String hubId, HubRequest request) {
        if (request == null) {
            throw ApiException.badRequest("send the fields to change as JSON");
        }
        Found found = find(ownerId, hubId);
        return shards.of(found.location().serverName()).updateHub(hubId, request);
    }

    public void delete(String ownerId, String hubId) {
        Found found = find(ownerId, hubId);
        shards.of(found.location().serverName()).deleteHub(hubId);
    }

    private record Found(HubInfo hub, Location location) {
    }

    /** Hub ids don't say where they live: ask each Server that hosts one of the account's Locations. */
    private Found find(String ownerId, String hubId) {
        Map<String, Location> owned = locations.ownedBy(ownerId).stream()
                .collect(Collectors.toMap(Location::id, Function.identity()));
        for (String server : owned.values().stream().map(Location::serverName).distinct().toList()) {
            Optional<HubInfo> hub = shards.of(server).hub(hubId);
            if (hub.isPresent() && owned.containsKey(hub.get().locationId())) {
                return new Found(hub.get(), owned.get(hub.get().locationId()));
            }
        }
        throw ApiException.notFound("you have no hub with id " + hubId);
    }
}
