package hearth.automation;

import hearth.device.DeviceEventsRecorded;
import hearth.engine.api.AppEvent;
import hearth.engine.api.DeviceEvent;
import hearth.installation.LocationEventRecorded;
import hearth.installation.Subscription;
import hearth.installation.SubscriptionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Delivers device and Location events to the handlers subscribed to them, once the change is
 * committed, through {@link HandlerRunner} (off the caller's thread, in order per Installation).
 */
@Component
class EventDispatcher {
    private final SubscriptionRepository subscriptions;
    private final HandlerRunner runner;

    EventDispatcher(SubscriptionRepository subscriptions, HandlerRunner runner) {
        this.subscriptions = subscriptions;
        this.runner = runner;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(DeviceEventsRecorded recorded) {
        var listening = subscriptions.forDevice(recorded.deviceId());
        if (listening.isEmpty()) {
            return;
        }
        for (DeviceEvent event : recorded.events()) {
            AppEvent appEvent = AppEvent.of(event, recorded.displayName());
            for (Subscription s : listening) {
                if (s.matches(event.name(), event.value())) {
                    runner.submit(s.installationId(), s.handler(), appEvent);
                }
            }
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(LocationEventRecorded recorded) {
        for (Subscription s : subscriptions.forLocation(recorded.locationId())) {
            if (s.matches(recorded.event().name(), recorded.event().value())) {
                runner.submit(s.installationId(), s.handler(), recorded.event());
            }
        }
    }
}
