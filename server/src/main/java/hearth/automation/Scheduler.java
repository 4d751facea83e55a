package hearth.automation;

import hearth.HearthProperties;
import hearth.installation.ScheduledJob;
import hearth.installation.ScheduledJobRepository;
import hearth.support.EarlierLives;
import hearth.support.HearthMetrics;
import hearth.support.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Wakes SmartApps whose {@code runIn} or {@code schedule} time has come. The jobs live in the
 * database, so they survive a restart (one that came due meanwhile runs at once). A due job is
 * claimed with a lease ({@code hearth.scheduler.lease}) by one node, never deleted before it
 * runs: the run finishes it (deletes a {@code runIn}, moves a {@code schedule} on) in the
 * transaction that stores the handler's effects, and only while the claim is still its own. A
 * node that dies mid-run leaves the claim to expire and the job runs again, on any node; a run
 * whose claim was taken over (it outlived its lease) stores nothing. A restarted node hands back
 * at once the claims of its earlier life at the same host and port.
 */
@Component
class Scheduler {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
    private static final int BATCH = 100;

    private final ScheduledJobRepository jobs;
    private final InstallationLocations installations;
    private final HandlerRunner runner;
    private final NodeIdentity node;
    private final boolean hostsShard;
    private final Duration lease;
    private final Clock clock;
    private final HearthMetrics metrics;
    private final EarlierLives earlierLives = new EarlierLives();

    Scheduler(ScheduledJobRepository jobs, InstallationLocations installations, HandlerRunner runner,
              NodeIdentity node, HearthProperties properties, Clock clock, HearthMetrics metrics) {
        this.metrics = metrics;
        this.jobs = jobs;
        this.installations = installations;
        this.runner = runner;
        this.node = node;
        this.hostsShard = properties.role().shard();
        this.lease = properties.scheduler().lease();
        this.clock = clock;
    }

    /** Runs every {@code hearth.scheduler.poll} ({@link SchedulingConfiguration}). */
    void runDue() {
        if (!hostsShard) {
            return;
        }
        earlierLives.releaseOnce(node, jobs::release,
                released -> log.info("{} scheduled jobs claimed before this node restarted run again", released));
        Instant now = clock.instant();
        for (ScheduledJob job : jobs.due(now, BATCH)) {
            String claim = node.name() + "#" + UUID.randomUUID().toString().substring(0, 8);
            if (jobs.claim(job, claim, now, now.plus(lease))) {
                metrics.scheduledJobRun(Duration.between(job.runAt(), now));
                runner.submit(job.installationId(), job.handler(), null, new JobClaim(job, claim));
            }
        }
    }

    /** One claim of one job: renewed when its run starts, finished with the run's effects. */
    private final class JobClaim implements HandlerRunner.Claim {
        private final ScheduledJob job;
        private final String claim;

        JobClaim(ScheduledJob job, String claim) {
            this.job = job;
            this.claim = claim;
        }

        @Override
        public boolean renew() {
            return jobs.renew(job.id(), claim, clock.instant().plus(lease));
        }

        @Override
        public void finish() {
            Instant next = job.cron() == null ? null
                    : ScheduledJob.next(job.cron(), installations.zone(job.installationId()), clock.instant());
            jobs.finish(job, claim, next);
        }
    }
}
