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
    private static final String DUE = "SELECT * FROM scheduled_job WHERE run_at <= ? ORDER BY run_at "
            + "FETCH FIRST ? ROWS ONLY";
    private static final String BY_INSTALLATION = "SELECT * FROM scheduled_job WHERE installation_id = ? "
            + "ORDER BY run_at";
    // Claiming a due job is one conditional write, so two processes on one database never both run it.
    private static final String CLAIM_ONCE = "DELETE FROM scheduled_job WHERE id = ? AND run_at = ?";
    private static final String CLAIM_AGAIN = "UPDATE scheduled_job SET run_at = ? WHERE id = ? AND run_at = ?";
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

    public List<ScheduledJob> due(Instant now, int max) {
        return jdbc.sql(DUE).params(Times.db(now), max).query(ROW).list();
    }

    public List<ScheduledJob> ofInstallation(String installationId) {
        return jdbc.sql(BY_INSTALLATION).param(installationId).query(ROW).list();
    }

    public boolean claimOnce(ScheduledJob job) {
        return jdbc.sql(CLAIM_ONCE).params(job.id(), Times.db(job.runAt())).update() == 1;
    }

    public boolean claimAndReschedule(ScheduledJob job, Instant next) {
        return jdbc.sql(CLAIM_AGAIN).params(Times.db(next), job.id(), Times.db(job.runAt())).update() == 1;
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
