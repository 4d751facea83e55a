package hearth.installation;

import hearth.support.Times;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

@Repository
public class ScheduledJobRepository {
    private static final String INSERT = "INSERT INTO scheduled_job (id, installation_id, handler, cron, run_at, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String DUE = "SELECT * FROM scheduled_job WHERE run_at <= ? "
            + "AND (lease_until IS NULL OR lease_until < ?) ORDER BY run_at FETCH FIRST ? ROWS ONLY";
    private static final String BY_INSTALLATION = "SELECT * FROM scheduled_job WHERE installation_id = ? "
            + "ORDER BY run_at";
    // Claiming a due job is one conditional write, so two nodes on one database never both hold it;
    // a claim whose lease ran out (its node died) may be taken again.
    private static final String CLAIM = "UPDATE scheduled_job SET claimed_by = ?, lease_until = ? WHERE id = ? "
            + "AND run_at = ? AND run_at <= ? AND (lease_until IS NULL OR lease_until < ?)";
    private static final String RENEW = "UPDATE scheduled_job SET lease_until = ? WHERE id = ? AND claimed_by = ?";
    // Finishing is conditional on the claim too: a run whose claim was taken over finishes nothing.
    private static final String FINISH_ONCE = "DELETE FROM scheduled_job WHERE id = ? AND claimed_by = ?";
    private static final String FINISH_AGAIN = "UPDATE scheduled_job SET run_at = ?, claimed_by = NULL, "
            + "lease_until = NULL WHERE id = ? AND claimed_by = ?";
    private static final String RELEASE = "UPDATE scheduled_job SET claimed_by = NULL, lease_until = NULL "
            + "WHERE claimed_by LIKE ?";
    private static final String DELETE_HANDLER = "DELETE FROM scheduled_job WHERE installation_id = ? AND handler = ?";
    private static final String DELETE_ONE_SHOTS = "DELETE FROM scheduled_job WHERE installation_id = ? "
            + "AND handler = ? AND cron IS NULL";
    private static final String DELETE_ALL = "DELETE FROM scheduled_job WHERE installation_id = ?";

    private static final RowMapper<ScheduledJob> ROW = (rs, n) -> new ScheduledJob(rs.getString("id"),
            rs.getString("installation_id"), rs.getString("handler"), rs.getString("cron"),
            Times.instant(rs, "run_at"), Times.instant(rs, "created_at"));

    private final JdbcClient jdbc;

    public ScheduledJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ScheduledJob job) {
        jdbc.sql(INSERT).params(job.id(), job.installationId(), job.handler(), job.cron(), Times.db(job.runAt()),
                Times.db(job.createdAt())).update();
    }

    /** Jobs due at {@code now} that no node holds (or whose holder's lease ran out), earliest first. */
    public List<ScheduledJob> due(Instant now, int max) {
        return jdbc.sql(DUE).params(Times.db(now), Times.db(now), max).query(ROW).list();
    }

    public List<ScheduledJob> ofInstallation(String installationId) {
        return jdbc.sql(BY_INSTALLATION).param(installationId).query(ROW).list();
    }

    /**
     * Claims the due job for {@code claim} until {@code leaseUntil}: true for exactly one claimant
     * while the job is free or its lease has run out at {@code now}.
     */
    public boolean claim(ScheduledJob job, String claim, Instant now, Instant leaseUntil) {
        return jdbc.sql(CLAIM).params(claim, Times.db(leaseUntil), job.id(), Times.db(job.runAt()), Times.db(now),
                Times.db(now)).update() == 1;
    }

    /** Extends a claim still held (a job about to run after waiting its turn); false when it is lost. */
    public boolean renew(String jobId, String claim, Instant leaseUntil) {
        return jdbc.sql(RENEW).params(Times.db(leaseUntil), jobId, claim).update() == 1;
    }

    /**
     * Finishes a run under {@code claim}: deletes a one-shot job, or frees a repeating one at its
     * {@code next} time. Meant for the transaction storing the run's effects: throws
     * {@link LeaseLost} (so that transaction stores nothing) when the claim is no longer held.
     */
    public void finish(ScheduledJob job, String claim, Instant next) {
        int finished = job.cron() == null ? jdbc.sql(FINISH_ONCE).params(job.id(), claim).update()
                : jdbc.sql(FINISH_AGAIN).params(Times.db(next), job.id(), claim).update();
        if (finished != 1) {
            throw new LeaseLost("scheduled job " + job.id());
        }
    }

    /** Frees the claims matching a LIKE pattern (a restarted node's earlier lives); answers how many. */
    public int release(String claimedByLike) {
        return jdbc.sql(RELEASE).param(claimedByLike).update();
    }

    public void deleteHandler(String installationId, String handler) {
        jdbc.sql(DELETE_HANDLER).params(installationId, handler).update();
    }

    public void deleteOneShots(String installationId, String handler) {
        jdbc.sql(DELETE_ONE_SHOTS).params(installationId, handler).update();
    }

    public void deleteAll(String installationId) {
        jdbc.sql(DELETE_ALL).param(installationId).update();
    }
}
