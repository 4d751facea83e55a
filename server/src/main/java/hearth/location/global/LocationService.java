package hearth.location.global;

import hearth.cluster.Shards;
import hearth.location.Location;
import hearth.location.LocationRepository;
import hearth.server.ServerDirectory;
import hearth.web.ApiException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

@Service
public class LocationService {
    private final LocationRepository locations;
    private final ServerDirectory servers;
    private final Shards shards;
    private final Clock clock;

    public LocationService(LocationRepository locations, ServerDirectory servers, Shards shards, Clock clock) {
        this.locations = locations;
        this.servers = servers;
        this.shards = shards;
        this.clock = clock;
    }

    /**
     * Tells the Server first, outside any transaction: one that does not answer leaves no
     * Location behind (503), and no transaction waits on it.
     */
    public Location create(String ownerId, String name, String serverName, String timeZone) {
        checkName(name);
        String server = serverName == null || serverName.isBlank() ? servers.defaultServer() : serverName;
        if (!servers.exists(server)) {
            throw ApiException.badRequest("no Server named '" + server + "'; known Servers: " + servers.names());
        }
        String zone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("timeZone '" + zone + "' is not an IANA time zone such as Europe/Berlin");
        }
        Location location = new Location(UUID.randomUUID().toString(), ownerId, name.trim(), zone, server,
                Location.MODES.get(0), clock.instant());
        shards.of(server).syncLocation(location);
        locations.insert(location);
        return location;
    }

    /** A new name, on the Location's Server first (outside any transaction), then in the directory. */
    public Location rename(String ownerId, String locationId, String name) {
        Location location = owned(ownerId, locationId);
        checkName(name);
        Location renamed = new Location(location.id(), location.ownerId(), name.trim(), location.timeZone(),
                location.serverName(), location.mode(), location.createdAt());
        shards.of(location.serverName()).syncLocation(renamed);
        locations.rename(location.id(), renamed.name());
        return renamed;
    }

    /** A person changes the mode (Home, Away, Night); the Location's SmartApps hear it as a mode event. */
    public Location setMode(String ownerId, String locationId, String mode) {
        Location location = owned(ownerId, locationId);
        if (!Location.MODES.contains(mode)) {
            throw ApiException.badRequest("mode must be one of " + Location.MODES + ", got '" + mode + "'");
        }
        shards.of(location.serverName()).setMode(location.id(), mode);
        locations.updateMode(location.id(), mode);
        return new Location(location.id(), location.ownerId(), location.name(), location.timeZone(),
                location.serverName(), mode, location.createdAt());
    }

    /**
     * Deletes the Location: its Server uninstalls what is left there and deletes its devices, then
     * the directory forgets it. The caller has removed its Installations (their tokens revoked).
     */
    public void delete(String ownerId, String locationId) {
        Location location = owned(ownerId, locationId);
        shards.of(location.serverName()).deleteLocation(location.id());
        locations.delete(location.id());
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ApiException.badRequest("name is required (1 to 200 characters)");
        }
    }

    public List<Location> ownedBy(String ownerId) {
        return locations.findByOwner(ownerId);
    }

    /** The Location, if the account owns it; otherwise 404, so ids of others' homes are not confirmed. */
    public Location owned(String ownerId, String locationId) {
        return locations.findById(locationId)
                .filter(l -> l.ownerId().equals(ownerId))
                .orElseThrow(() -> ApiException.notFound("you have no Location with id " + locationId));
    }
}
