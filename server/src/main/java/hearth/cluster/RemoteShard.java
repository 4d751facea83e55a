package hearth.cluster;

import hearth.cluster.InternalApi.Command;
import hearth.cluster.InternalApi.DeviceChoices;
import hearth.cluster.InternalApi.Install;
import hearth.cluster.InternalApi.NewDevice;
import hearth.cluster.InternalApi.Hidden;
import hearth.cluster.InternalApi.Rename;
import hearth.cluster.InternalApi.Room;
import hearth.cluster.InternalApi.SetAttribute;
import hearth.cluster.InternalApi.SetMode;
import hearth.cluster.InternalApi.SmartAppSnapshot;
import hearth.applog.AppLogEntry;
import hearth.applog.AppLogQuery;
import hearth.device.Device;
import hearth.engine.api.DeviceEvent;
import hearth.hub.HubInfo;
import hearth.hub.HubRequest;
import hearth.installation.Installation;
import hearth.location.Location;
import hearth.location.Routine;
import hearth.smartapp.SmartAppRecord;
import tools.jackson.core.type.TypeReference;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A Server in another process, reached over its internal API. */
class RemoteShard implements Shard {
    private static final TypeReference<Device> DEVICE = new TypeReference<>() {
    };
    private static final TypeReference<List<Device>> DEVICES = new TypeReference<>() {
    };
    private static final TypeReference<List<DeviceEvent>> EVENTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, List<DeviceEvent>>> RECENT_EVENTS = new TypeReference<>() {
    };
    private static final TypeReference<hearth.installation.InstallationPage> PAGE = new TypeReference<>() {
    };
    private static final TypeReference<Installation> INSTALLATION = new TypeReference<>() {
    };
    private static final TypeReference<List<Installation>> INSTALLATIONS = new TypeReference<>() {
    };

    private static final TypeReference<List<AppLogEntry>> LOG_LINES = new TypeReference<>() {
    };
    private static final TypeReference<AppLogEntry> LOG_LINE = new TypeReference<>() {
    };

    private static final TypeReference<Routine> ROUTINE = new TypeReference<>() {
    };
    private static final TypeReference<List<Routine>> ROUTINES = new TypeReference<>() {
    };

    private static final TypeReference<HubInfo> HUB = new TypeReference<>() {
    };
    private static final TypeReference<List<HubInfo>> HUBS = new TypeReference<>() {
    };

    private final String name;
    private final String url;
    private final ClusterClient client;

    RemoteShard(String name, String url, ClusterClient client) {
        this.name = name;
        this.url = url;
        this.client = client;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void syncLocation(Location location) {
        client.call(name, url, "PUT", "/internal/locations/" + location.id(), location, null);
    }

    @Override
    public void syncSmartApp(SmartAppRecord app) {
        client.call(name, url, "PUT", "/internal/smartapps/" + app.id(), SmartAppSnapshot.of(app), null);
    }

    @Override
    public void forgetSmartApp(String smartAppId) {
        client.call(name, url, "DELETE", "/internal/smartapps/" + smartAppId, null, null);
    }

    @Override
    public List<Device> devices(String locationId) {
        return client.call(name, url, "GET", "/internal/locations/" + locationId + "/devices", null, DEVICES);
    }

    @Override
    public Device createDevice(String locationId, String label, List<String> capabilities,
                               Map<String, Object> attributes) {
        return client.call(name, url, "POST", "/internal/locations/" + locationId + "/devices",
                new NewDevice(label, capabilities, attributes), DEVICE);
    }

    @Override
    public Optional<Device> device(String deviceId) {
        return client.find(name, url, "/internal/devices/" + deviceId, DEVICE);
    }

    @Override
    public Device command(String deviceId, String capability, String command, List<Object> arguments) {
        return client.call(name, url, "POST", "/internal/devices/" + deviceId + "/commands",
                new Command(capability, command, arguments), DEVICE);
    }

    @Override
    public List<DeviceEvent> events(String deviceId, Instant since, int limit) {
        return client.call(name, url, "GET", "/internal/devices/" + deviceId + "/events?max=" + limit
                + (since == null ? "" : "&since=" + encode(since.toString())), null, EVENTS);
    }

    @Override
    public Map<String, List<DeviceEvent>> recentEvents(String locationId, int perDevice) {
        return client.call(name, url, "GET", "/internal/locations/" + locationId + "/events?perDevice=" + perDevice,
                null, RECENT_EVENTS);
    }

    @Override
    public Device setAttribute(String deviceId, String name, Object value) {
        return client.call(name(), url, "PUT", "/internal/devices/" + deviceId + "/attributes",
                new SetAttribute(name, value), DEVICE);
    }

    @Override
    public Device renameDevice(String deviceId, String label) {
        return client.call(name, url, "PUT", "/internal/devices/" + deviceId + "/label", new Rename(label), DEVICE);
    }

    @Override
    public Device placeDevice(String deviceId, String room) {
        return client.call(name, url, "PUT", "/internal/devices/" + deviceId + "/room", new Room(room), DEVICE);
    }

    @Override
    public Device setDeviceHidden(String deviceId, boolean hidden) {
        return client.call(name, url, "PUT", "/internal/devices/" + deviceId + "/hidden", new Hidden(hidden), DEVICE);
    }

    @Override
    public void deleteDevice(String deviceId) {
        client.call(name, url, "DELETE", "/internal/devices/" + deviceId, null, null);
    }

    @Override
    public void setMode(String locationId, String mode) {
        client.call(name, url, "PUT", "/internal/locations/" + locationId + "/mode", new SetMode(mode), null);
    }

    @Override
    public List<Routine> routines(String locationId) {
        return client.call(name, url, "GET", "/internal/locations/" + locationId + "/routines", null, ROUTINES);
    }

    @Override
    public Routine runRoutine(String locationId, String routineId) {
        return client.call(name, url, "POST", "/internal/locations/" + locationId + "/routines/"
                + encodePath(routineId) + "/execute", null, ROUTINE);
    }

    @Override
    public Routine setRoutineMode(String locationId, String routineId, String mode) {
        return client.call(name, url, "PUT", "/internal/locations/" + locationId + "/routines/"
                + encodePath(routineId), new SetMode(mode), ROUTINE);
    }

    @Override
    public void deleteLocation(String locationId) {
        client.call(name, url, "DELETE", "/internal/locations/" + locationId, null, null);
    }

    @Override
    public HubInfo createHub(String locationId, HubRequest request) {
        return client.call(name, url, "POST", "/internal/locations/" + locationId + "/hubs", request, HUB);
    }

    @Override
    public List<HubInfo> hubs(String locationId) {
        return client.call(name, url, "GET", "/internal/locations/" + locationId + "/hubs", null, HUBS);
    }

    @Override
    public Optional<HubInfo> hub(String hubId) {
        return client.find(name, url, "/internal/hubs/" + hubId, HUB);
    }

    @Override
    public HubInfo updateHub(String hubId, HubRequest request) {
        return client.call(name, url, "PATCH", "/internal/hubs/" + hubId, request, HUB);
    }

    @Override
    public void deleteHub(String hubId) {
        client.call(name, url, "DELETE", "/internal/hubs/" + hubId, null, null);
    }

    @Override
    public Installation install(String accountId, SmartAppRecord app, Location location,
                                Map<String, List<String>> devices, Map<String, String> values) {
        return client.call(name, url, "POST", "/internal/installations", new Install(accountId, SmartAppSnapshot.of(app),
                location, devices, values), INSTALLATION);
    }

    @Override
    public List<Installation> installationsOf(String accountId) {
        return client.call(name, url, "GET", "/internal/installations?account=" + encode(accountId), null,
                INSTALLATIONS);
    }

    @Override
    public List<Installation> installationsOfSmartApp(String smartAppId) {
        return client.call(name, url, "GET", "/internal/installations?smartapp=" + encode(smartAppId), null,
                INSTALLATIONS);
    }

    @Override
    public Optional<Installation> installation(String id) {
        return client.find(name, url, "/internal/installations/" + id, INSTALLATION);
    }

    @Override
    public Installation updateDevices(String id, Map<String, List<String>> devices) {
        return client.call(name, url, "PUT", "/internal/installations/" + id + "/devices", new DeviceChoices(devices),
                INSTALLATION);
    }

    @Override
    public Optional<hearth.installation.InstallationPage> page(String id, String name, Map<String, String> params) {
        return client.find(name(), url, "/internal/installations/" + id + "/page?"
                + (name == null ? "" : "name=" + encode(name)) + pageParams(params), PAGE);
    }

    @Override
    public Installation updatePage(String id, String name, Map<String, String> params,
                                   Map<String, List<String>> form) {
        return client.call(name(), url, "PUT", "/internal/installations/" + id + "/page?name=" + encode(name)
                + pageParams(params), new DeviceChoices(form), INSTALLATION);
    }

    /** A page's params as the shard reads them: {@code &param.NAME=value}. */
    private static String pageParams(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> out.append("&param.").append(encode(k)).append('=').append(encode(v)));
        return out.toString();
    }

    @Override
    public void uninstall(String id) {
        client.call(name, url, "DELETE", "/internal/installations/" + id, null, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path segment: a routine's label has spaces and "!" ("Good Night!"). */
    private static String encodePath(String value) {
        return org.springframework.web.util.UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    @Override
    public List<AppLogEntry> appLog(String smartAppId, AppLogQuery query) {
        StringBuilder path = new StringBuilder("/internal/smartapps/").append(encode(smartAppId))
                .append("/logs?limit=").append(query.limit());
        if (query.installation() != null) {
            path.append("&installation=").append(encode(query.installation()));
        }
        if (query.level() != null) {
            path.append("&level=").append(query.level().name());
        }
        if (query.since() != null) {
            path.append("&since=").append(encode(query.since().toString()));
        }
        if (query.after() != null) {
            path.append("&after=").append(query.after());
        }
        return client.call(name, url, "GET", path.toString(), null, LOG_LINES).stream()
                .map(e -> e.stored(e.id(), name)).toList();
    }

    @Override
    public Optional<AppLogEntry> appLogFailure(String smartAppId, String reference) {
        return client.find(name, url, "/internal/smartapps/" + encode(smartAppId) + "/errors/" + encode(reference),
                LOG_LINE).map(e -> e.stored(e.id(), name));
    }
}
