package hearth.location.global;

import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import hearth.cluster.Shards;
import hearth.location.Location;
import hearth.location.LocationRepository;
import hearth.location.Routine;
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
    private final AuditLog audit;

    public LocationService(LocationRepository locations, ServerDirectory servers, Shards shards, Clock clock,
                           AuditLog audit) {
        this.audit = audit;
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

    /** The Location's routines (classic Hello Home), each with the mode it sets. */
    public List<Routine> routines(String ownerId, String locationId) {
        Location location = owned(ownerId, locationId);
        return shards.of(location.serverName()).routines(location.id());
    }

    /**
     * A person runs a routine (by id or label) on the Location's Server: its mode is set and the
     * Location's SmartApps hear {@code routineExecuted} there; the directory keeps the new mode;
     * the owner's audit log has it.
     */
    public Routine runRoutine(String ownerId, String locationId, String routineId) {
        Location location = owned(ownerId, locationId);
        Routine ran = shards.of(location.serverName()).runRoutine(location.id(), routineId);
        if (ran.mode() != null && !ran.mode().equals(location.mode())) {
            locations.updateMode(location.id(), ran.mode());
        }
        audit.record(ownerId, AuditEvent.Type.ROUTINE_EXECUTED, "ran the routine " + ran.label() + " in Location "
                + location.name() + " (" + location.id() + ")" + (ran.mode() == null ? "" : "; mode " + ran.mode()));
        return ran;
    }

    /** A person changes the mode a routine sets (one of the Location's modes). */
    public Routine setRoutineMode(String ownerId, String locationId, String routineId, String mode) {
        Location location = owned(ownerId, locationId);
        Routine changed = shards.of(location.serverName()).setRoutineMode(location.id(), routineId, mode);
        audit.record(ownerId, AuditEvent.Type.ROUTINE_CHANGED, "the routine " + changed.label() + " in Location "
                + location.name() + " (" + location.id() + ") now sets mode " + changed.mode());
        return changed;
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
