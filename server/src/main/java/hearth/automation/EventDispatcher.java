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
 * Hands device and Location events to the handlers subscribed to them through the outbox
 * ({@link EventOutbox}): the rows are written in the transaction that records the event, so an
 * event is in the outbox exactly when it is recorded, and {@link OutboxDelivery} is woken once
 * that transaction commits.
 */
@Component
class EventDispatcher {
    private final SubscriptionRepository subscriptions;
    private final EventOutbox outbox;
    private final OutboxDelivery delivery;

    EventDispatcher(SubscriptionRepository subscriptions, EventOutbox outbox, OutboxDelivery delivery) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.delivery = delivery;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DeviceEventsRecorded recorded) {
        var listening = subscriptions.forDevice(recorded.deviceId());
        if (listening.isEmpty()) {
            return;
        }
        for (DeviceEvent event : recorded.events()) {
            AppEvent appEvent = AppEvent.of(event, recorded.displayName());
            for (Subscription s : listening) {
                if (s.matches(event.name(), event.value())) {
                    outbox.add(s.installationId(), s.handler(), appEvent);
                }
            }
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(LocationEventRecorded recorded) {
        for (Subscription s : subscriptions.forLocation(recorded.locationId())) {
            if (s.matches(recorded.event().name(), recorded.event().value())) {
                outbox.add(s.installationId(), s.handler(), recorded.event());
            }
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void committed(DeviceEventsRecorded recorded) {
        delivery.nudge();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void committed(LocationEventRecorded recorded) {
        delivery.nudge();
    }
}
