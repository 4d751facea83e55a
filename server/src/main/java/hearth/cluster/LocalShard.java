package hearth.cluster;

import hearth.applog.AppLogEntry;
import hearth.applog.AppLogQuery;
import hearth.applog.AppLogs;
import hearth.device.Device;
import hearth.device.LocalDevices;
import hearth.engine.api.DeviceEvent;
import hearth.engine.api.EventQuery;
import hearth.hub.HubInfo;
import hearth.hub.HubRequest;
import hearth.hub.LocalHubs;
import hearth.installation.Installation;
import hearth.installation.LocalInstallations;
import hearth.installation.LocalLocations;
import hearth.installation.LocalRoutines;
import hearth.location.Location;
import hearth.location.Routine;
import hearth.smartapp.SmartAppRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Server this process hosts. It shares the database with the global side, so Locations and
 * SmartApps are already there and need no syncing.
 */
class LocalShard implements Shard {
    private final String name;
    private final LocalDevices devices;
    private final LocalInstallations installations;
    private final LocalLocations locations;
    private final LocalHubs hubs;
    private final AppLogs appLogs;
    private final LocalRoutines routines;

    LocalShard(String name, LocalDevices devices, LocalInstallations installations, LocalLocations locations,
               LocalHubs hubs, AppLogs appLogs, LocalRoutines routines) {
        this.routines = routines;
        this.appLogs = appLogs;
        this.name = name;
        this.devices = devices;
        this.installations = installations;
        this.locations = locations;
        this.hubs = hubs;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void syncLocation(Location location) {
    }

    @Override
    public void syncSmartApp(SmartAppRecord app) {
    }

    @Override
    public void forgetSmartApp(String smartAppId) {
    }

    @Override
    public List<Device> devices(String locationId) {
        return devices.inLocation(locationId);
    }

    @Override
    public Device createDevice(String locationId, String label, List<String> capabilities,
                               Map<String, Object> attributes) {
        return devices.create(locationId, label, capabilities, attributes);
    }

    @Override
    public Optional<Device> device(String deviceId) {
        return devices.byId(deviceId);
    }

    @Override
    public Device command(String deviceId, String capability, String command, List<Object> arguments) {
        return devices.command(deviceId, capability, command, arguments);
    }

    @Override
    public List<DeviceEvent> events(String deviceId, Instant since, int limit) {
        return devices.events(deviceId, new EventQuery(null, since, null, limit));
    }

    @Override
    public Map<String, List<DeviceEvent>> recentEvents(String locationId, int perDevice) {
        return devices.recentEvents(locationId, perDevice);
    }

    @Override
    public Device setAttribute(String deviceId, String name, Object value) {
        return devices.setAttribute(deviceId, name, value);
    }

    @Override
    public Device renameDevice(String deviceId, String label) {
        return devices.rename(deviceId, label);
    }

    @Override
    public Device placeDevice(String deviceId, String room) {
        return devices.place(deviceId, room);
    }

    @Override
    public Device setDeviceHidden(String deviceId, boolean hidden) {
        return devices.setHidden(deviceId, hidden);
    }

    @Override
    public void deleteDevice(String deviceId) {
        locations.deleteDevice(deviceId);
    }

    @Override
    public void setMode(String locationId, String mode) {
        locations.setMode(locationId, mode);
    }

    @Override
    public List<Routine> routines(String locationId) {
        return routines.ofLocation(locationId);
    }

    @Override
    public Routine runRoutine(String locationId, String routineId) {
        return routines.run(locationId, routineId);
    }

    @Override
    public Routine setRoutineMode(String locationId, String routineId, String mode) {
        return routines.setMode(locationId, routineId, mode);
    }

    @Override
    public void deleteLocation(String locationId) {
        hubs.deleteLocation(locationId);
        locations.deleteLocation(locationId);
    }

    @Override
    public HubInfo createHub(String locationId, HubRequest request) {
        return hubs.create(locationId, request);
    }

    @Override
    public List<HubInfo> hubs(String locationId) {
        return hubs.ofLocation(locationId);
    }

    @Override
    public Optional<HubInfo> hub(String hubId) {
        return hubs.get(hubId);
    }

    @Override
    public HubInfo updateHub(String hubId, HubRequest request) {
        return hubs.update(hubId, request);
    }

    @Override
    public void deleteHub(String hubId) {
        hubs.delete(hubId);
    }

    @Override
    public Installation install(String accountId, SmartAppRecord app, Location location,
                                Map<String, List<String>> choices, Map<String, String> values) {
        return installations.install(accountId, app, location, choices, values);
    }

    @Override
    public List<Installation> installationsOf(String accountId) {
        return installations.byAccount(accountId);
    }

    @Override
    public List<Installation> installationsOfSmartApp(String smartAppId) {
        return installations.bySmartApp(smartAppId);
    }

    @Override
    public Optional<Installation> installation(String id) {
        return installations.byId(id);
    }

    @Override
    public Installation updateDevices(String id, Map<String, List<String>> choices) {
        return installations.updateDevices(id, choices);
    }

    @Override
    public void uninstall(String id) {
        installations.uninstall(id);
    }

    @Override
    public Optional<hearth.installation.InstallationPage> page(String id, String name, Map<String, String> params) {
        return installations.page(id, name, params);
    }

    @Override
    public Installation updatePage(String id, String name, Map<String, String> params,
                                   Map<String, List<String>> form) {
        return installations.updatePage(id, name, params, form);
    }


    @Override
    public List<AppLogEntry> appLog(String smartAppId, AppLogQuery query) {
        return appLogs.find(smartAppId, query).stream().map(e -> e.stored(e.id(), name)).toList();
    }

    @Override
    public Optional<AppLogEntry> appLogFailure(String smartAppId, String reference) {
        return appLogs.byReference(smartAppId, reference).map(e -> e.stored(e.id(), name));
    }
}
