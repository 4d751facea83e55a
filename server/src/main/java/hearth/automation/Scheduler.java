package hearth.automation;

import hearth.HearthProperties;
import hearth.installation.ScheduledJob;
import hearth.installation.ScheduledJobRepository;
import hearth.support.HearthMetrics;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Wakes SmartApps whose {@code runIn} or {@code schedule} time has come. The jobs live in the
 * database, so they survive a restart (one that came due meanwhile runs at once), and each is
 * claimed by a conditional write before it runs.
 */
@Component
class Scheduler {
    private static final int BATCH = 100;

    private final ScheduledJobRepository jobs;
    private final InstallationLocations installations;
    private final HandlerRunner runner;
    private final boolean hostsShard;
    private final Clock clock;
    private final HearthMetrics metrics;

    Scheduler(ScheduledJobRepository jobs, InstallationLocations installations, HandlerRunner runner,
              HearthProperties properties, Clock clock, HearthMetrics metrics) {
        this.metrics = metrics;
        this.jobs = jobs;
        this.installations = installations;
        this.runner = runner;
        this.hostsShard = properties.role().shard();
        this.clock = clock;
    }

    /** Runs every {@code hearth.scheduler.poll} ({@link SchedulingConfiguration}). */
    void runDue() {
        if (!hostsShard) {
            return;
        }
        Instant now = clock.instant();
        for (ScheduledJob job : jobs.due(now, BATCH)) {
            boolean claimed = job.cron() == null ? jobs.claimOnce(job)
                    : jobs.claimAndReschedule(job, ScheduledJob.next(job.cron(), installations.zone(job
                    .installationId()), now));
            if (claimed) {
                metrics.scheduledJobRun(Duration.between(job.runAt(), now));
                runner.submit(job.installationId(), job.handler(), null);
            }
        }
    }
}
