package hearth.installation.global;

import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import hearth.cluster.Shard;
import hearth.cluster.Shards;
import hearth.device.Device;
import hearth.engine.api.PreferenceInput;
import hearth.installation.Installation;
import hearth.installation.LocalInstallations;
import hearth.location.Location;
import hearth.location.global.LocationService;
import hearth.oauth.TokenService;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import hearth.web.ApiException;
import hearth.web.ServerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Installations as an Account sees them, on whichever Server hosts each one: the work goes to the
 * Location's Server ({@link Shards}); revoking tokens and the audit log stay here, on the global side.
 */
@Service
public class InstallationService {
    private static final Logger log = LoggerFactory.getLogger(InstallationService.class);

    private final Shards shards;
    private final SmartAppService apps;
    private final TokenService tokens;
    private final AuditLog audit;
    private final TransactionOperations transactions;
    private final LocationService locations;

    public InstallationService(Shards shards, SmartAppService apps, TokenService tokens, AuditLog audit,
                               TransactionOperations transactions, LocationService locations) {
        this.locations = locations;
        this.shards = shards;
        this.apps = apps;
        this.tokens = tokens;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Installs on the Location's Server; see {@link LocalInstallations#install} for the checks. */
    public Installation install(String accountId, SmartAppRecord app, Location location,
                                Map<String, List<String>> deviceChoices, Map<String, String> values) {
        return shards.of(location.serverName()).install(accountId, app, location, deviceChoices, values);
    }

    /** Every Installation of the account, from every Server that answers. */
    public List<Installation> ownedBy(String accountId) {
        return fromEveryServer(shard -> shard.installationsOf(accountId));
    }

    public Installation owned(String accountId, String id) {
        return find(id).filter(found -> found.installation().accountId().equals(accountId))
                .map(Found::installation)
                .orElseThrow(() -> ApiException.notFound("you have no Installation with id " + id));
    }

    /**
     * Removes the Installation (the user disconnects the app): runs uninstalled(), revokes its
     * tokens. The Server first, outside any transaction: if it is down, nothing changes and the
     * caller hears so (503); then the revocation and its audit entry in one transaction.
     */
    public void remove(String accountId, String id) {
        Found found = find(id).filter(f -> f.installation().accountId().equals(accountId))
                .orElseThrow(() -> ApiException.notFound("you have no Installation with id " + id));
        found.shard().uninstall(id);
        transactions.executeWithoutResult(tx -> {
            tokens.revokeInstallation(id);
            audit.record(accountId, AuditEvent.Type.INSTALLATION_REMOVED, "disconnected installation " + id
                    + " (" + found.installation().label() + "); its tokens were revoked");
        });
    }

    /**
     * Deletes a Location with everything in it: each Installation is removed as if the user
     * disconnected it (uninstalled() runs, its tokens are revoked, the audit says so), then the
     * Location's Server deletes its devices and the directory forgets it.
     *
     * @return how many Installations went
     */
    public int removeLocation(String accountId, String locationId) {
        Location location = locations.owned(accountId, locationId);
        List<Installation> inLocation = shards.of(location.serverName()).installationsOf(accountId).stream()
                .filter(i -> i.locationId().equals(location.id())).toList();
        for (Installation installation : inLocation) {
            remove(accountId, installation.id());
        }
        locations.delete(accountId, location.id());
        audit.record(accountId, AuditEvent.Type.LOCATION_DELETED, "deleted Location " + location.id() + " ("
                + location.name() + ") with " + inLocation.size() + " installation(s)");
        return inLocation.size();
    }

    /**
     * Deletes a SmartApp its developer owns, with every Installation of it in anyone's home: each
     * is uninstalled on its Server (uninstalled() runs), its tokens revoked, and its user's audit
     * log says why. Every Server must answer first: one that is down gets 503 and nothing changes.
     *
     * @return how many Installations went
     */
    public int removeSmartApp(String ownerId, String smartAppId) {
        SmartAppRecord app = apps.owned(ownerId, smartAppId);
        List<Found> all = new ArrayList<>();
        for (Shard shard : shards.all()) {
            shard.installationsOfSmartApp(app.id()).forEach(i -> all.add(new Found(i, shard)));
        }
        for (Found found : all) {
            String id = found.installation().id();
            found.shard().uninstall(id);
            transactions.executeWithoutResult(tx -> {
                tokens.revokeInstallation(id);
                audit.record(found.installation().accountId(), AuditEvent.Type.INSTALLATION_REMOVED,
                        "installation " + id + " (" + found.installation().label() + ") was removed: its developer "
                                + "deleted the SmartApp; its tokens were revoked");
            });
        }
        apps.delete(ownerId, app.id());
        return all.size();
    }

    /** See {@link LocalInstallations#updateDevices}. */
    public Installation updateDevices(String accountId, String id, Map<String, List<String>> deviceChoices) {
        Found found = find(id).filter(f -> f.installation().accountId().equals(accountId))
                .orElseThrow(() -> ApiException.notFound("you have no Installation with id " + id));
        return found.shard().updateDevices(id, deviceChoices);
    }

    /**
     * One of the account's Installation's pages, read on its Server (issue 17); another account's
     * Installation or an unknown page is 404.
     */
    public hearth.installation.InstallationPage page(String accountId, String id, String name,
                                                     Map<String, String> params) {
        return ownedFound(accountId, id).shard().page(id, name, params)
                .orElseThrow(() -> ApiException.notFound("the app has no page " + name));
    }

    /** See {@link hearth.installation.LocalInstallations#updatePage}. */
    public Installation updatePage(String accountId, String id, String name, Map<String, String> params,
                                   Map<String, List<String>> form) {
        return ownedFound(accountId, id).shard().updatePage(id, name, params, form);
    }

    private Found ownedFound(String accountId, String id) {
        return find(id).filter(f -> f.installation().accountId().equals(accountId))
                .orElseThrow(() -> ApiException.notFound("you have no Installation with id " + id));
    }

    /** The Installations of a SmartApp the account owns, for its developer (any account's). */
    public List<Installation> ofSmartApp(String ownerId, String smartAppId) {
        SmartAppRecord app = apps.owned(ownerId, smartAppId);
        return fromEveryServer(shard -> shard.installationsOfSmartApp(app.id()));
    }

    /** A Server that is down leaves its Installations out of a listing, and nothing else. */
    private List<Installation> fromEveryServer(Function<Shard, List<Installation>> query) {
        List<Installation> all = new ArrayList<>();
        for (Shard shard : shards.all()) {
            try {
                all.addAll(query.apply(shard));
            } catch (ServerUnavailableException e) {
                log.warn("server {} did not answer; its installations are left out", e.server());
            }
        }
        return all;
    }

    /** Devices of the Location that fit each device input, for the consent page. */
    public Map<PreferenceInput, List<Device>> candidates(SmartAppRecord app, Location location) {
        return candidates(apps.compiled(app).inputs(), location);
    }

    /** Devices of the Location that fit each of these device inputs (one page's, say). */
    public Map<PreferenceInput, List<Device>> candidates(List<PreferenceInput> inputs, Location location) {
        List<Device> all = shards.of(location.serverName()).devices(location.id());
        Map<PreferenceInput, List<Device>> result = new LinkedHashMap<>();
        for (PreferenceInput input : inputs) {
            if (input.isDevice()) {
                String capability = input.capability();
                result.put(input, all.stream()
                        .filter(d -> !d.hidden() && (capability == null || d.hasCapability(capability))).toList());
            }
        }
        return result;
    }

    public List<PreferenceInput> valueInputs(SmartAppRecord app) {
        return apps.compiled(app).inputs().stream().filter(i -> !i.isDevice()).toList();
    }

    private record Found(Installation installation, Shard shard) {
    }

    private Optional<Found> find(String id) {
        for (Shard shard : shards.all()) {
            try {
                Optional<Installation> installation = shard.installation(id);
                if (installation.isPresent()) {
                    return Optional.of(new Found(installation.get(), shard));
                }
            } catch (ServerUnavailableException e) {
                log.warn("server {} did not answer while looking for installation {}", e.server(), id);
            }
        }
        return Optional.empty();
    }
}
