package hearth.installation;

import hearth.location.Location;

/**
 * An Installation with what running its SmartApp reads besides the devices: its Location and
 * its {@code state}, read in one statement ({@link InstallationRepository#findLoaded}), so an
 * installation API call reads the Installation once and not its Location and state again.
 *
 * @param state        the app's {@code state} as stored (JSON), null before the first save
 * @param stateVersion the version of that state: a save of the call's new state must still find it
 *                     ({@link InstallationRepository#saveState(String, String, long)})
 */
public record LoadedInstallation(Installation installation, Location location, String state, long stateVersion) {
}
