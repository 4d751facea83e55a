package hearth.installation;

import hearth.device.DeviceRepository;
import hearth.device.LocalDevices;
import hearth.location.LocationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps this Server's event history: a Location's events (mode changes) are recorded as they happen,
 * in the transaction that changed the mode (device events are recorded where the attribute
 * changes, {@link LocalDevices}); and what is older than {@code hearth.events.max-age} is deleted
 * every {@code hearth.events.prune-every}.
 */
@Component
class EventHistoryKeeper {
    private static final Logger log = LoggerFactory.getLogger(EventHistoryKeeper.class);

    private final LocationRepository locations;
    private final DeviceRepository devices;
    private final LocalDevices localDevices;

    EventHistoryKeeper(LocationRepository locations, DeviceRepository devices, LocalDevices localDevices) {
        this.locations = locations;
        this.devices = devices;
        this.localDevices = localDevices;
    }

    @EventListener
    void on(LocationEventRecorded recorded) {
        locations.insertEvent(recorded.locationId(), recorded.event());
    }

    @Scheduled(fixedDelayString = "${hearth.events.prune-every:PT1H}", initialDelayString = "PT1M")
    void prune() {
        Instant horizon = localDevices.historyHorizon();
        int deviceEvents = devices.deleteEventsBefore(horizon);
        int locationEvents = locations.deleteEventsBefore(horizon);
        if (deviceEvents + locationEvents > 0) {
            log.info("event history: deleted {} device and {} location events from before {}", deviceEvents,
                    locationEvents, horizon);
        }
    }
}
