package hearth.cluster;

import hearth.cluster.InternalApi.Command;
import hearth.cluster.InternalApi.DeviceChoices;
import hearth.cluster.InternalApi.Install;
import hearth.location.Location;
import hearth.location.Routine;
import hearth.installation.LocalRoutines;
import hearth.cluster.InternalApi.NewDevice;
import hearth.cluster.InternalApi.SmartAppSnapshot;
import hearth.applog.AppLogEntry;
import hearth.applog.AppLogQuery;
import hearth.applog.AppLogs;
import hearth.device.Device;
import hearth.engine.api.LogLine;
import hearth.device.LocalDevices;
import hearth.engine.api.DeviceEvent;
import hearth.engine.api.EventQuery;
import hearth.hub.HubInfo;
import hearth.hub.HubRequest;
import hearth.hub.LocalHubs;
import hearth.installation.Installation;
import hearth.installation.LocalInstallations;
import hearth.installation.LocalLocations;
import hearth.cluster.InternalApi.Hidden;
import hearth.cluster.InternalApi.Rename;
import hearth.cluster.InternalApi.Room;
import hearth.cluster.InternalApi.SetAttribute;
import hearth.cluster.InternalApi.SetMode;
import hearth.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A shard's side of the internal API: the global server syncs Locations and SmartApps here and
 * asks for devices and Installations. {@link InternalApiGuard} has checked the cluster secret.
 */
@RestController
class ShardInternalController {
    private final ShardReplicas replicas;
    private final LocalDevices devices;
    private final LocalInstallations installations;
    private final LocalLocations locations;
    private final LocalHubs hubs;
    private final AppLogs appLogs;
    private final LocalRoutines routines;

    ShardInternalController(ShardReplicas replicas, LocalDevices devices, LocalInstallations installations,
                            LocalLocations locations, LocalHubs hubs, AppLogs appLogs, LocalRoutines routines) {
        this.routines = routines;
        this.appLogs = appLogs;
        this.replicas = replicas;
        this.devices = devices;
        this.installations = installations;
        this.locations = locations;
        this.hubs = hubs;
    }

    @PutMapping("/internal/locations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void location(@PathVariable String id, @RequestBody Location location) {
        replicas.location(location);
    }

    @PutMapping("/internal/smartapps/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void smartApp(@PathVariable String id, @RequestBody SmartAppSnapshot snapshot) {
        replicas.smartApp(snapshot);
    }

    @DeleteMapping("/internal/smartapps/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void forgetSmartApp(@PathVariable String id) {
        replicas.forgetSmartApp(id);
    }

    @GetMapping("/internal/locations/{id}/devices")
    List<Device> devices(@PathVariable String id) {
        return devices.inLocation(id);
    }

    @PostMapping("/internal/locations/{id}/devices")
    Device create(@PathVariable String id, @RequestBody NewDevice device) {
        return devices.create(id, device.label(), device.capabilities(), device.attributes());
    }

    @GetMapping("/internal/devices/{id}")
    Device device(@PathVariable String id) {
        return devices.byId(id).orElseThrow(() -> ApiException.notFound("no device " + id + " here"));
    }

    @PostMapping("/internal/devices/{id}/commands")
    Device command(@PathVariable String id, @RequestBody Command command) {
        return devices.command(id, command.capability(), command.command(), command.arguments());
    }

    @GetMapping("/internal/devices/{id}/events")
    List<DeviceEvent> events(@PathVariable String id, @RequestParam(defaultValue = "20") int max,
                             @RequestParam(required = false) Instant since) {
        return devices.events(id, new EventQuery(null, since, null, max));
    }

    @GetMapping("/internal/locations/{id}/events")
    Map<String, List<DeviceEvent>> recentEvents(@PathVariable String id, @RequestParam int perDevice) {
        return devices.recentEvents(id, perDevice);
    }

    @PutMapping("/internal/devices/{id}/attributes")
    Device setAttribute(@PathVariable String id, @RequestBody SetAttribute attribute) {
        return devices.setAttribute(id, attribute.name(), attribute.value());
    }

    @PutMapping("/internal/devices/{id}/room")
    Device place(@PathVariable String id, @RequestBody Room room) {
        return devices.place(id, room.room());
    }

    @PutMapping("/internal/devices/{id}/label")
    Device rename(@PathVariable String id, @RequestBody Rename rename) {
        return devices.rename(id, rename.label());
    }

    @PutMapping("/internal/devices/{id}/hidden")
    Device hide(@PathVariable String id, @RequestBody Hidden hidden) {
        return devices.setHidden(id, hidden.hidden());
    }

    @DeleteMapping("/internal/devices/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteDevice(@PathVariable String id) {
        locations.deleteDevice(id);
    }

    @GetMapping("/internal/locations/{id}/routines")
    List<Routine> routines(@PathVariable String id) {
        return routines.ofLocation(id);
    }

    @PostMapping("/internal/locations/{id}/routines/{routine}/execute")
    Routine runRoutine(@PathVariable String id, @PathVariable String routine) {
        return routines.run(id, routine);
    }

    @PutMapping("/internal/locations/{id}/routines/{routine}")
    Routine setRoutineMode(@PathVariable String id, @PathVariable String routine, @RequestBody SetMode mode) {
        return routines.setMode(id, routine, mode.mode());
    }

    @PutMapping("/internal/locations/{id}/mode")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void mode(@PathVariable String id, @RequestBody SetMode mode) {
        locations.setMode(id, mode.mode());
    }

    @DeleteMapping("/internal/locations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteLocation(@PathVariable String id) {
        hubs.deleteLocation(id);
        locations.deleteLocation(id);
    }

    @PostMapping("/internal/locations/{id}/hubs")
    HubInfo createHub(@PathVariable String id, @RequestBody HubRequest request) {
        return hubs.create(id, request);
    }

    @GetMapping("/internal/locations/{id}/hubs")
    List<HubInfo> hubs(@PathVariable String id) {
        return hubs.ofLocation(id);
    }

    @GetMapping("/internal/hubs/{id}")
    HubInfo hub(@PathVariable String id) {
        return hubs.get(id).orElseThrow(() -> ApiException.notFound("no hub " + id + " here"));
    }

    @PatchMapping("/internal/hubs/{id}")
    HubInfo updateHub(@PathVariable String id, @RequestBody HubRequest request) {
        return hubs.update(id, request);
    }

    @DeleteMapping("/internal/hubs/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteHub(@PathVariable String id) {
        hubs.delete(id);
    }

    @PostMapping("/internal/installations")
    Installation install(@RequestBody Install install) {
        replicas.location(install.location());
        replicas.account(install.accountId());
        return installations.install(install.accountId(), replicas.smartApp(install.app()), install.location(),
                install.devices(), install.values());
    }

    @GetMapping("/internal/installations")
    List<Installation> installations(@RequestParam(required = false) String account,
                                     @RequestParam(required = false) String smartapp) {
        if (account != null) {
            return installations.byAccount(account);
        }
        if (smartapp != null) {
            return installations.bySmartApp(smartapp);
        }
        throw ApiException.badRequest("name an account or a smartapp");
    }

    @GetMapping("/internal/installations/{id}")
    Installation installation(@PathVariable String id) {
        return installations.byId(id).orElseThrow(() -> ApiException.notFound("no installation " + id + " here"));
    }

    @PutMapping("/internal/installations/{id}/devices")
    Installation updateDevices(@PathVariable String id, @RequestBody DeviceChoices choices) {
        return installations.updateDevices(id, choices.devices());
    }

    /** The page's params travel as query fields named {@code param.NAME}. */
    @GetMapping("/internal/installations/{id}/page")
    hearth.installation.InstallationPage page(@PathVariable String id, @RequestParam(required = false) String name,
                                              @RequestParam java.util.Map<String, String> query) {
        return installations.page(id, name, pageParams(query))
                .orElseThrow(() -> ApiException.notFound("no page " + name));
    }

    /** The form's fields travel as a DeviceChoices' map: name to values. */
    @PutMapping("/internal/installations/{id}/page")
    Installation updatePage(@PathVariable String id, @RequestParam String name,
                            @RequestParam java.util.Map<String, String> query, @RequestBody DeviceChoices form) {
        return installations.updatePage(id, name, pageParams(query), form.devices());
    }

    private static java.util.Map<String, String> pageParams(java.util.Map<String, String> query) {
        java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (k.startsWith("param.")) {
                params.put(k.substring("param.".length()), v);
            }
        });
        return params;
    }

    @DeleteMapping("/internal/installations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void uninstall(@PathVariable String id) {
        installations.uninstall(id);
    }

    @GetMapping("/internal/smartapps/{id}/logs")
    List<AppLogEntry> appLog(@PathVariable String id, @RequestParam(required = false) String installation,
                             @RequestParam(required = false) LogLine.Level level,
                             @RequestParam(required = false) java.time.Instant since,
                             @RequestParam(required = false) Long after, @RequestParam int limit) {
        return appLogs.find(id, new AppLogQuery(installation, level, since, after, limit));
    }

    @GetMapping("/internal/smartapps/{id}/errors/{reference}")
    AppLogEntry appLogFailure(@PathVariable String id, @PathVariable String reference) {
        return appLogs.byReference(id, reference).orElseThrow(() -> ApiException.notFound("no failure " + reference
                + " here"));
    }
}
