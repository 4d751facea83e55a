package hearth.installation;

import hearth.device.Device;
import hearth.location.Location;

import java.util.Map;

/**
 * An Installation with what running its SmartApp reads: its Location, its {@code state} and its
 * chosen devices with their attributes. An installation API call reads it in two statements
 * ({@link InstallationRepository#findLoaded}); other calls read the Installation first and the rest
 * after ({@link InstallationRuntime}).
 *
 * @param state        the app's {@code state} as stored (JSON), null before the first save
 * @param stateVersion the version of that state: a save of the call's new state must still find it
 *                     ({@link InstallationRepository#saveState(String, String, long)})
 * @param chosen       the devices chosen for it, by id, as read with it
 */
public record LoadedInstallation(Installation installation, Location location, String state, long stateVersion,
                                 Map<String, Device> chosen) {
    public LoadedInstallation {
        chosen = Map.copyOf(chosen);
    }
}
