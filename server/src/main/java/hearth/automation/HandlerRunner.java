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
import org.springframework.stereotype.Component;

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

    public HandlerRunner(InstallationRepository installations, InstallationRuntime runtime, ExecutionLimiter limiter,
                         HearthMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        this.installations = installations;
        this.runtime = runtime;
        this.limiter = limiter;
    }

    /** Queues the handler behind the Installation's earlier ones; the future ends when it has run. */
    public CompletableFuture<Void> submit(String installationId, String handler, AppEvent event) {
        CompletableFuture<Void> queued = tails.compute(installationId, (id, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                        .thenRunAsync(() -> run(installationId, handler, event), pool));
        queued.whenComplete((ok, error) -> tails.remove(installationId, queued));
        return queued;
    }

    private void run(String installationId, String handler, AppEvent event) {
        try {
            if (!limiter.acquire(installationId).allowed()) {
                log.warn("installation {} is over its execution limit; {} was not run", installationId, handler);
                return;
            }
            if (event != null) {
                metrics.eventDelivered(Duration.between(event.date(), clock.instant()));
            }
            installations.findById(installationId).ifPresent(installation -> {
                HandlerOutcome outcome = runtime.runHandler(installation, handler, event);
                if (outcome instanceof HandlerOutcome.Failure failure) {
                    log.warn("handler {} of installation {} failed: {}", handler, installationId, failure.type());
                }
            });
        } catch (RuntimeException e) {
            log.warn("handler {} of installation {} could not run: {}", handler, installationId, e.toString());
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
