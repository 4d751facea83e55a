package hearth.oauth;

import hearth.installation.LoadedInstallation;

/**
 * A token read with what an installation API call reads of its Installation, in one statement
 * ({@link TokenRepository#findWithInstallation}).
 *
 * @param installation the Installation, its Location and state without its devices; null when the
 *                     Installation is not in this database (removed, or hosted by another Server)
 */
public record TokenWithInstallation(TokenRecord token, LoadedInstallation installation) {
}
