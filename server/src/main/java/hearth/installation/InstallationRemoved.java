package hearth.installation;

/** The Installation is gone; its grants and tokens must be revoked in the same transaction. */
public record InstallationRemoved(String installationId) {
}
