package hearth.automation;

import hearth.installation.InstallationRepository;
import hearth.location.LocationRepository;
import org.springframework.stereotype.Component;

import java.time.ZoneId;

/** The time zone an Installation's schedules follow: its Location's. */
@Component
class InstallationLocations {
    private final InstallationRepository installations;
    private final LocationRepository locations;

    InstallationLocations(InstallationRepository installations, LocationRepository locations) {
        this.installations = installations;
        this.locations = locations;
    }

    ZoneId zone(String installationId) {
        return installations.findById(installationId)
                .flatMap(i -> locations.findById(i.locationId()))
                .map(l -> ZoneId.of(l.timeZone()))
                .orElse(ZoneId.of("UTC"));
    }
}
