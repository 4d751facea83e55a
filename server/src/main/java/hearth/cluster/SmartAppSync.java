package hearth.cluster;

import hearth.smartapp.SmartAppChanged;
import hearth.smartapp.SmartAppDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * New source reaches every Server the SmartApp is published to, after it is saved. A Server that
 * is down misses it and gets the source again with the next installation there.
 */
@Component
class SmartAppSync {
    private static final Logger log = LoggerFactory.getLogger(SmartAppSync.class);

    private final Shards shards;

    SmartAppSync(Shards shards) {
        this.shards = shards;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(SmartAppChanged event) {
        for (Shard shard : shards.all()) {
            if (event.app().publishedTo(shard.name())) {
                try {
                    shard.syncSmartApp(event.app());
                } catch (RuntimeException e) {
                    log.warn("smartapp {} could not be synced to server {}: {}", event.app().id(), shard.name(),
                            e.getMessage());
                }
            }
        }
    }

    /** A deleted SmartApp's copies go from every Server; one that is down keeps an unused copy. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(SmartAppDeleted event) {
        for (Shard shard : shards.all()) {
            try {
                shard.forgetSmartApp(event.app().id());
            } catch (RuntimeException e) {
                log.warn("server {} could not drop its copy of deleted smartapp {}: {}", shard.name(),
                        event.app().id(), e.getMessage());
            }
        }
    }
}
