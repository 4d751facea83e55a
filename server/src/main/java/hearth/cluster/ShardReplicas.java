package hearth.cluster;

import hearth.account.Account;
import hearth.account.AccountRepository;
import hearth.cluster.InternalApi.SmartAppSnapshot;
import hearth.location.Location;
import hearth.location.LocationRepository;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/**
 * What a shard keeps of the global side's records, so its own tables (and their foreign keys)
 * hold: a stub per Account (no password: nobody signs in on a shard), Location copies, and
 * SmartApp copies without the secret.
 */
@Component
class ShardReplicas {
    private static final String NO_PASSWORD = "!no-password-on-shards";

    private final AccountRepository accounts;
    private final LocationRepository locations;
    private final SmartAppRepository apps;

    ShardReplicas(AccountRepository accounts, LocationRepository locations, SmartAppRepository apps) {
        this.accounts = accounts;
        this.locations = locations;
        this.apps = apps;
    }

    @Transactional
    void account(String id) {
        if (accounts.findById(id).isEmpty()) {
            accounts.insert(new Account(id, "@" + id, Instant.now()), NO_PASSWORD);
        }
    }

    @Transactional
    void location(Location location) {
        account(location.ownerId());
        locations.upsert(location);
    }

    @Transactional
    SmartAppRecord smartApp(SmartAppSnapshot snapshot) {
        SmartAppRecord app = snapshot.toRecord();
        account(app.ownerId());
        if (apps.findById(app.id()).isPresent()) {
            apps.update(app);
        } else {
            apps.insert(app);
        }
        return app;
    }

    /** The copy of a deleted SmartApp; the global server uninstalled its Installations here first. */
    @Transactional
    void forgetSmartApp(String id) {
        apps.delete(id);
    }
}
