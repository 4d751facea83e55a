package hearth.installation;

import hearth.device.Device;
import hearth.device.LocalDevices;
import hearth.engine.api.AppEvent;
import hearth.location.Location;
import hearth.location.LocationRepository;
import hearth.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Clock;

/**
 * What a person changes by hand on this Server that Installations may be holding on to: a
 * Location's mode (its subscribers hear it, as when a SmartApp sets it), a device that goes (it
 * leaves every Installation's choices and subscriptions first), a Location that goes (its
 * Installations are uninstalled, running their {@code uninstalled()}, then its devices go).
 * Callers have checked ownership.
 */
@Service
public class LocalLocations {
    private final LocationRepository locations;
    private final LocalDevices devices;
    private final InstallationRepository installations;
    private final SubscriptionRepository subscriptions;
    private final LocalInstallations local;
    private final ApplicationEventPublisher events;
    private final TransactionOperations transactions;
    private final Clock clock;

    public LocalLocations(LocationRepository locations, LocalDevices devices, InstallationRepository installations,
                          SubscriptionRepository subscriptions, LocalInstallations local,
                          ApplicationEventPublisher events, TransactionOperations transactions, Clock clock) {
        this.locations = locations;
        this.devices = devices;
        this.installations = installations;
        this.subscriptions = subscriptions;
        this.local = local;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    public void setMode(String locationId, String mode) {
        if (!Location.MODES.contains(mode)) {
            throw ApiException.badRequest("mode must be one of " + Location.MODES + ", got '" + mode + "'");
        }
        locations.findById(locationId).orElseThrow(() -> ApiException.notFound("no Location " + locationId + " here"));
        locations.updateMode(locationId, mode);
        events.publishEvent(new LocationEventRecorded(locationId,
                new AppEvent("mode", mode, null, null, null, clock.instant(), "mode changed to " + mode)));
    }

    @Transactional
    public void deleteDevice(String deviceId) {
        Device device = devices.byId(deviceId).orElseThrow(() -> ApiException.notFound("no device " + deviceId
                + " here"));
        forget(device.id());
    }

    /**
     * Uninstalls what is left in the Location (the global side has removed what it knows of; each
     * uninstalled() runs outside any transaction), then deletes its devices and itself in one.
     */
    public void deleteLocation(String locationId) {
        for (Installation installation : installations.findByLocation(locationId)) {
            local.uninstall(installation.id());
        }
        transactions.executeWithoutResult(tx -> {
            for (Device device : devices.inLocation(locationId)) {
                forget(device.id());
            }
            locations.delete(locationId);
        });
    }

    private void forget(String deviceId) {
        subscriptions.deleteForDevice(deviceId);
        installations.forgetDevice(deviceId);
        devices.delete(deviceId);
    }
}
