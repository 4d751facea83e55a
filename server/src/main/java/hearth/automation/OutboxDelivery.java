package hearth.automation;

import hearth.HearthProperties;
import hearth.support.EarlierLives;
import hearth.support.HearthMetrics;
import hearth.support.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers the outbox's events to their handlers. An Installation's events are delivered by one
 * node at a time, the one holding its lease ({@code hearth.scheduler.lease}), in the order they
 * were recorded, through {@link HandlerRunner}; each event leaves the outbox in the transaction
 * that stores its handler's effects, and only while the lease is still this node's. A node that
 * dies leaves its leases to run out, and its events are delivered by another (a node restarted at
 * the same host and port takes its earlier life's leases back at once). Woken after every commit
 * that added events, and every {@code hearth.scheduler.poll}.
 */
@Component
class OutboxDelivery {
    private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
    private static final int INSTALLATIONS = 100;
    private static final int BATCH = 20;

    private final EventOutbox outbox;
    private final HandlerRunner runner;
    private final NodeIdentity node;
    private final boolean hostsShard;
    private final Duration lease;
    private final Clock clock;
    private final Set<String> delivering = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean woken = new AtomicBoolean();
    private final EarlierLives earlierLives = new EarlierLives();
    private final ExecutorService looker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hearth-outbox");
        t.setDaemon(true);
        return t;
    });

    OutboxDelivery(EventOutbox outbox, HandlerRunner runner, NodeIdentity node, HearthProperties properties,
                   Clock clock, HearthMetrics metrics) {
        this.outbox = outbox;
        this.runner = runner;
        this.node = node;
        this.hostsShard = properties.role().shard();
        this.lease = properties.scheduler().lease();
        this.clock = clock;
        metrics.outbox(outbox::depth, () -> {
            Instant oldest = outbox.oldest();
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
        });
    }

    /** Looks for events to deliver soon, on the outbox's own thread (many wake-ups make one look). */
    void nudge() {
        if (hostsShard && woken.compareAndSet(false, true)) {
            looker.execute(() -> {
                woken.set(false);
                try {
                    deliverWaiting();
                } catch (RuntimeException e) {
                    log.warn("the event outbox could not be read: {}", e.toString());
                }
            });
        }
    }

    private void deliverWaiting() {
        earlierLives.releaseOnce(node, outbox::release, released -> log.info(
                "{} installations' events claimed before this node restarted are delivered again", released));
        for (String installationId : outbox.waiting(INSTALLATIONS)) {
            if (delivering.add(installationId) && !deliver(installationId)) {
                delivering.remove(installationId);
            }
        }
    }

    /** Takes the Installation's lease and queues its next events; false when nothing was queued. */
    private boolean deliver(String installationId) {
        String claim = node.name() + "#" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        if (!outbox.take(installationId, claim, now, now.plus(lease))) {
            return false;   // another node delivers them
        }
        List<EventOutbox.Waiting> events = outbox.next(installationId, BATCH);
        if (events.isEmpty()) {
            outbox.letGo(installationId, claim);
            return false;
        }
        CompletableFuture<Void> last = null;
        for (EventOutbox.Waiting event : events) {
            last = runner.submit(installationId, event.handler(), event.event(), new EventClaim(event, claim));
        }
        last.whenComplete((ok, error) -> {
            try {
                outbox.letGo(installationId, claim);
            } catch (RuntimeException e) {
                log.warn("installation {}: its outbox lease could not be given up: {}", installationId, e.toString());
            } finally {
                delivering.remove(installationId);
                nudge();   // more may have come meanwhile
            }
        });
        return true;
    }

    /** Every {@code hearth.scheduler.poll} ({@link SchedulingConfiguration}). */
    void poll() {
        nudge();
    }

    private final class EventClaim implements HandlerRunner.Claim {
        private final EventOutbox.Waiting event;
        private final String claim;

        EventClaim(EventOutbox.Waiting event, String claim) {
            this.event = event;
            this.claim = claim;
        }

        @Override
        public boolean renew() {
            return outbox.renew(event.installationId(), claim, clock.instant().plus(lease));
        }

        @Override
        public void finish() {
            outbox.delivered(event, claim, clock.instant().plus(lease));
        }
    }
}
