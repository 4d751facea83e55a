package hearth.installation;

/**
 * The claim a run was made under (a scheduled job's, an outbox event's) is no longer this run's:
 * it expired and another node took the work over, or the work was cancelled. Thrown inside the
 * transaction that stores the run's effects, so none of them is stored.
 */
public class LeaseLost extends RuntimeException {
    public LeaseLost(String what) {
        super(what + ": its claim was taken over or cancelled; the run's effects are not stored");
    }
}
