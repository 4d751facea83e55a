package hearth.automation;

import hearth.engine.api.AppEvent;
import hearth.engine.api.HandlerOutcome;
import hearth.installation.ExecutionLimiter;
import hearth.installation.InstallationRepository;
import hearth.installation.InstallationRuntime;
import jakarta.annotation.PreDestroy;
import hearth.support.HearthMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs subscribed and scheduled handlers off the request thread, one at a time per Installation
 * and in the order they were asked for (so an app sees its events in order), while different
 * Installations run side by side. Each run counts against the Installation's execution limit.
 */
@Component
public class HandlerRunner {
    private static final Logger log = LoggerFactory.getLogger(HandlerRunner.class);

    private final InstallationRepository installations;
    private final InstallationRuntime runtime;
    private final ExecutionLimiter limiter;
    private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "hearth-handlers");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    private final HearthMetrics metrics;
    private final Clock clock;

    private final TransactionOperations transactions;

    public HandlerRunner(InstallationRepository installations, InstallationRuntime runtime, ExecutionLimiter limiter,
                         HearthMetrics metrics, Clock clock, TransactionOperations transactions) {
        this.transactions = transactions;
        this.metrics = metrics;
        this.clock = clock;
        this.installations = installations;
        this.runtime = runtime;
        this.limiter = limiter;
    }

    /** Queues the handler behind the Installation's earlier ones; the future ends when it has run. */
    public CompletableFuture<Void> submit(String installationId, String handler, AppEvent event) {
        return submit(installationId, handler, event, null);
    }

    /**
     * As {@link #submit(String, String, AppEvent)}, for work held under a {@link Claim} (a
     * scheduled job): the run starts only while the claim is still held, and the work is finished
     * in the transaction that stores the handler's effects. A run that could not start or store its
     * effects for want of the database leaves the work claimed, to run again when the claim expires.
     */
    CompletableFuture<Void> submit(String installationId, String handler, AppEvent event, Claim claim) {
        CompletableFuture<Void> queued = tails.compute(installationId, (id, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                        .thenRunAsync(() -> run(installationId, handler, event, claim), pool));
        queued.whenComplete((ok, error) -> tails.remove(installationId, queued));
        return queued;
    }

    private void run(String installationId, String handler, AppEvent event, Claim claim) {
        try {
            if (claim != null && !claim.renew()) {
                log.info("handler {} of installation {}: its claim was taken over before it ran", handler,
                        installationId);
                return;
            }
            if (!limiter.acquire(installationId).allowed()) {
                log.warn("installation {} is over its execution limit; {} was not run", installationId, handler);
                finishWithoutRun(claim);
                return;
            }
            if (event != null) {
                metrics.eventDelivered(Duration.between(event.date(), clock.instant()));
            }
            var installation = installations.findById(installationId);
            if (installation.isEmpty()) {
                return;   // uninstalled: its jobs went with it
            }
            HandlerOutcome outcome = runtime.runHandler(installation.get(), handler, event,
                    claim == null ? null : claim::finish);
            if (outcome instanceof HandlerOutcome.Failure failure) {
                log.warn("handler {} of installation {} failed: {}", handler, installationId, failure.type());
            }
        } catch (DataAccessException e) {
            // Without the database the work stays claimed, and runs again when its claim expires.
            log.warn("handler {} of installation {} could not run: {}", handler, installationId, e.toString());
        } catch (RuntimeException e) {
            log.warn("handler {} of installation {} could not run: {}", handler, installationId, e.toString());
            // The app could not be run at all (its source no longer compiles, say): the work is done
            // with, as a failed run's would be.
            finishWithoutRun(claim);
        }
    }

    private void finishWithoutRun(Claim claim) {
        if (claim == null) {
            return;
        }
        try {
            transactions.executeWithoutResult(tx -> claim.finish());
        } catch (RuntimeException e) {
            log.warn("a claimed run could not be finished; it runs again when its claim expires: {}", e.toString());
        }
    }

    /** Work a node holds under a lease in the database (a scheduled job). */
    interface Claim {
        /** Extends the lease for the run about to start; false when another node has taken it over. */
        boolean renew();

        /** Marks the work done; inside a transaction; throws {@code LeaseLost} when no longer held. */
        void finish();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
