package hearth.installation;

/**
 * Another call of the Installation saved {@code state} after this call read it: this call's
 * effects are not stored (its transaction rolls back), and {@link InstallationRuntime} runs it
 * again on the new state, so no update is lost whichever node made it.
 */
public class StateConflict extends RuntimeException {
    public StateConflict(String installationId) {
        super("installation " + installationId + ": state was saved by another call meanwhile");
    }
}
