package hearth.engine.api;

import java.util.List;

/**
 * What a call leaves for the host to carry out, as data, in the order the app asked. The host
 * applies them in one place after the call; nothing of it has happened yet when the call returns.
 *
 * <p>After a call that ended normally or with {@code httpError}, all of it. After a crash, a
 * timeout or a refusal, what the app already did to the world stands (its device commands, its
 * log lines, the outbound requests it sent), while what it asked the platform to keep is dropped:
 * {@code state} is null (unchanged) and {@code intents} empty.
 *
 * @param state    the new {@code state} JSON object, or null when the call left it unchanged
 * @param commands device commands, each for one of the Installation's chosen devices
 * @param intents  subscriptions, schedules, their undoing, Location mode changes, notifications
 * @param log      the app's {@code log.*} lines, already cleaned of token-looking values
 * @param outbound the outbound HTTP requests the call sent (where, and how they ended)
 */
public record CallEffects(String state, List<DeviceCommand> commands, List<AppIntent> intents, List<LogLine> log,
                          List<OutboundRequest> outbound) {
    public static final CallEffects NONE = new CallEffects(null, List.of(), List.of(), List.of(), List.of());

    public CallEffects {
        commands = List.copyOf(commands);
        intents = List.copyOf(intents);
        log = List.copyOf(log);
        outbound = List.copyOf(outbound);
    }
}
