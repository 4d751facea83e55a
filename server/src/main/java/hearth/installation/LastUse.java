package hearth.installation;

import hearth.support.Times;
import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each Installation's API was last called ({@code installation.last_used_at}, what the connected-apps
 * pages show): noted in memory by each call and written for all the Installations called since, in one
 * batch, every {@link #FLUSH_EVERY} and when the node stops. So a read of the installation API does not
 * write: with many Installations most calls found theirs unused for a minute and wrote it, 0.4-0.5 updates
 * per call at 10k and 100k Installations (bench/README.md, issue 15). This node's reads of Installations show
 * what it noted at once ({@link #latest}), another node's within that long. A node that dies loses at most that
 * long of last uses, which is what a page shows and nothing decides by. Several nodes write each their
 * own; a write never moves a last use back.
 */
@Component
public class LastUse {
    /** A stored last use younger than this is not noted again. */
    static final Duration NOTE_EVERY = Duration.ofMinutes(1);
    static final String FLUSH_EVERY = "PT30S";
    private static final String WRITE = "UPDATE installation SET last_used_at = ? WHERE id = ? "
            + "AND (last_used_at IS NULL OR last_used_at < ?)";

    private final JdbcTemplate jdbc;
    private final Map<String, Instant> pending = new ConcurrentHashMap<>();

    public LastUse(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The Installation was called at {@code now}; {@code stored} is the last use its row holds (or null). */
    public void note(String installationId, Instant stored, Instant now) {
        if (stored == null || stored.plus(NOTE_EVERY).isBefore(now)) {
            pending.merge(installationId, now, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** The later of {@code stored} and a last use this node noted and has not written yet. */
    public Instant latest(String installationId, Instant stored) {
        Instant noted = pending.get(installationId);
        return noted != null && (stored == null || noted.isAfter(stored)) ? noted : stored;
    }

    /** Writes every last use noted since the last write, in one batch; answers how many. */
    @Scheduled(fixedDelayString = FLUSH_EVERY, initialDelayString = FLUSH_EVERY)
    @PreDestroy
    public int flush() {
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, Instant> e : pending.entrySet()) {
            if (pending.remove(e.getKey(), e.getValue())) {
                Object when = Times.db(e.getValue());
                rows.add(new Object[]{when, e.getKey(), when});
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(WRITE, rows);
        }
        return rows.size();
    }
}
