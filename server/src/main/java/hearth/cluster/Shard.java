package hearth.cluster;

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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Server (shard) as the global side reaches it: this process's own ({@link LocalShard}) or
 * another process over HTTP ({@link RemoteShard}). Callers have checked ownership.
 *
 * @throws ServerUnavailableException from any method, when the Server does not answer
 */
public interface Shard {

    String name();

    /** Gives the Server what it must know of a Location it hosts. */
    void syncLocation(Location location);

    /** Gives the Server the SmartApp's current source (never its secret). */
    void syncSmartApp(SmartAppRecord app);

    /** The SmartApp was deleted (its Installations here were uninstalled first): the Server drops its copy. */
    void forgetSmartApp(String smartAppId);

    List<Device> devices(String locationId);

    Device createDevice(String locationId, String label, List<String> capabilities, Map<String, Object> attributes);

    Optional<Device> device(String deviceId);

    /** {@code capability} (a Hearth capability id) picks whose command of that name runs; null: the first that has it. */
    Device command(String deviceId, String capability, String command, List<Object> arguments);

    /** The device's latest events, newest first: at most {@code limit}, none from before {@code since} (if set). */
    List<DeviceEvent> events(String deviceId, Instant since, int limit);

    /** The latest {@code perDevice} events of each device of the Location, by device id (for the pages). */
    Map<String, List<DeviceEvent>> recentEvents(String locationId, int perDevice);

    /** A person sets an attribute of a virtual device by hand (a door sensor opens). */
    Device setAttribute(String deviceId, String name, Object value);

    Device renameDevice(String deviceId, String label);

    /** {@code room} null takes it out of any room. */
    Device placeDevice(String deviceId, String room);

    /** Hidden from the home page and new Installations' choices; it keeps working. */
    Device setDeviceHidden(String deviceId, boolean hidden);

    /** The device leaves every Installation's choices, then goes with its history. */
    void deleteDevice(String deviceId);

    /** A person changes the Location's mode; its SmartApps hear of it. */
    void setMode(String locationId, String mode);

    /** The Location's routines, each with the mode it sets. */
    List<Routine> routines(String locationId);

    /** A person runs a routine (by id or label): its mode is set, the Location's SmartApps hear routineExecuted. */
    Routine runRoutine(String locationId, String routineId);

    /** A person changes the mode a routine sets. */
    Routine setRoutineMode(String locationId, String routineId, String mode);

    /** Uninstalls whatever is left in the Location, deletes its devices and the Server's copy of it. */
    void deleteLocation(String locationId);

    /** Adds a hub to the Location and starts connecting it; a refused broker address is a 400. */
    HubInfo createHub(String locationId, HubRequest request);

    List<HubInfo> hubs(String locationId);

    Optional<HubInfo> hub(String hubId);

    HubInfo updateHub(String hubId, HubRequest request);

    /** Disconnects the hub; its devices leave every Installation and go. */
    void deleteHub(String hubId);

    Installation install(String accountId, SmartAppRecord app, Location location,
                         Map<String, List<String>> devices, Map<String, String> values);

    List<Installation> installationsOf(String accountId);

    List<Installation> installationsOfSmartApp(String smartAppId);

    Optional<Installation> installation(String id);

    Installation updateDevices(String id, Map<String, List<String>> devices);

    void uninstall(String id);

    /**
     * One of the Installation's pages as it reads now (null name: the first), with the params the
     * link that led there handed it; empty for an unknown page.
     */
    Optional<hearth.installation.InstallationPage> page(String id, String name, Map<String, String> params);

    /** The owner saved one of the Installation's pages: its inputs take the form's values, updated() runs. */
    Installation updatePage(String id, String name, Map<String, String> params, Map<String, List<String>> form);

    /** Lines of the SmartApp's app log kept on this Server, as {@code query} asks. */
    List<AppLogEntry> appLog(String smartAppId, AppLogQuery query);

    /** The app log's line of the failure behind {@code reference}, when it happened on this Server. */
    Optional<AppLogEntry> appLogFailure(String smartAppId, String reference);
}
