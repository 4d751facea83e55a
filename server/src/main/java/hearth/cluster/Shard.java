package hearth.cluster;

import hearth.device.Device;
import hearth.engine.api.DeviceEvent;
import hearth.installation.Installation;
import hearth.location.Location;
import hearth.smartapp.SmartAppRecord;

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

    List<Device> devices(String locationId);

    Device createDevice(String locationId, String label, List<String> capabilities, Map<String, Object> attributes);

    Optional<Device> device(String deviceId);

    Device command(String deviceId, String command, List<Object> arguments);

    List<DeviceEvent> events(String deviceId, int max);

    Installation install(String accountId, SmartAppRecord app, Location location,
                         Map<String, List<String>> devices, Map<String, String> values);

    List<Installation> installationsOf(String accountId);

    List<Installation> installationsOfSmartApp(String smartAppId);

    Optional<Installation> installation(String id);

    Installation updateDevices(String id, Map<String, List<String>> devices);

    void uninstall(String id);
}
