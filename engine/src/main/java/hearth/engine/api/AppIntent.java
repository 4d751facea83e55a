package hearth.engine.api;

import java.util.List;

/**
 * Something an app asked the platform to do later, which the engine can't do itself:
 * {@code subscribe}, {@code runIn}, {@code schedule}, their undoing, and notifications. The engine
 * hands them to {@link InstallationContext#recordIntent} after the call, on the caller's thread,
 * in the order the app made them; the host decides whether and how to carry them out.
 */
public sealed interface AppIntent {

    /** {@code subscribe(input, "switch.on", handler)}: {@code deviceIds} empty for a location subscription. */
    record Subscribe(List<String> deviceIds, String event, String handler) implements AppIntent {
        public Subscribe {
            deviceIds = List.copyOf(deviceIds);
        }
    }

    /** {@code unsubscribe()}: all of this Installation's subscriptions. */
    record UnsubscribeAll() implements AppIntent {
    }

    /** {@code runIn(seconds, handler, [overwrite: true])}. */
    record RunIn(long seconds, String handler, boolean overwrite) implements AppIntent {
    }

    /** {@code schedule(cronOrTime, handler)}; {@code when} is a cron expression or an ISO date-time. */
    record Schedule(String when, String handler) implements AppIntent {
    }

    /** {@code unschedule()} (handler null) or {@code unschedule(handler)}. */
    record Unschedule(String handler) implements AppIntent {
    }

    /**
     * {@code location.helloHome.execute("Goodbye!")}: run one of the Location's routines (the host
     * sets its mode and raises the {@code routineExecuted} location event).
     */
    record ExecuteRoutine(String routineId) implements AppIntent {
    }

    /** {@code setLocationMode("Away")}. */
    record SetLocationMode(String mode) implements AppIntent {
    }

    /**
     * {@code app.updateSetting("name", value)} (or {@code [type: "enum", value: v]}): the app changes
     * one of its own value settings; {@code value} is plain data (String, Number, Boolean, List).
     */
    record UpdateSetting(String name, Object value) implements AppIntent {
    }

    /**
     * Classic {@code sendLocationEvent(name: "webCoRE", value: "poll", data: [...], descriptionText: ...)}:
     * an event of the app's Location (as a mode change is), for the location subscriptions of its
     * name; {@code data} is the event's data as JSON text (null without), the rest plain text.
     */
    record LocationEvent(String name, String value, String data, String descriptionText) implements AppIntent {
    }

    /** {@code sendPush}, {@code sendSms}, {@code sendNotificationEvent}...: {@code channel} names which. */
    record Notify(String channel, String recipient, String message) implements AppIntent {
    }
}
