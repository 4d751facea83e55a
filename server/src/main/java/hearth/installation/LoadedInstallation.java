package hearth.installation;

import hearth.device.Device;
import hearth.location.Location;

import java.util.Map;

/**
 * An Installation with what running its SmartApp reads: its Location, its {@code state} and its
 * chosen devices with their attributes. An installation API call reads it in one or two statements
 * ({@link InstallationRepository#findLoaded}, {@link InstallationRepository#withChosen}); other calls
 * read the Installation first and the rest after ({@link InstallationRuntime}).
 *
 * @param state          the app's {@code state} as stored (JSON), null before the first save
 * @param stateVersion   the version of that state: a save of the call's new state must still find it
 *                       ({@link InstallationRepository#saveState(String, String, long)})
 * @param chosen         the devices chosen for it, by id, as read with it
 * @param devicesVersion the version of its Location's devices when it was read
 *                       ({@link hearth.device.DevicesVersion}), or -1 when not known
 */
public record LoadedInstallation(Installation installation, Location location, String state, long stateVersion,
                                 Map<String, Device> chosen, long devicesVersion) {
    public LoadedInstallation {
        chosen = Map.copyOf(chosen);
    }

    /** Read without its devices' version. */
    public LoadedInstallation(Installation installation, Location location, String state, long stateVersion,
                              Map<String, Device> chosen) {
        this(installation, location, state, stateVersion, chosen, -1);
    }
}
