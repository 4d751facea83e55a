package hearth.engine.api;

import java.util.List;

/**
 * The few things a running handler asks its host, because the classic DSL answers them at once
 * and they can't all be in the {@link InstallationSnapshot} without reading what almost no call
 * needs. Every other wish of the app comes back after the call as {@link CallEffects}. The engine
 * calls these on its worker thread, so don't tie them to a thread-bound transaction.
 */
public interface CallPorts {

    /** None of them: no history, no subscriptions held, no tokens (what a host without them gives). */
    CallPorts NONE = new CallPorts() {
    };

    /**
     * Read only: the recorded events of one of the Installation's chosen devices that the query asks
     * for, newest first, at most {@code query.max()} (classic {@code device.events(max: n)},
     * {@code eventsSince}, {@code eventsBetween}, {@code statesSince}). Asked for only when the app
     * reads history, so a host reads the rows then, and no more than {@code query.max()}.
     */
    default List<DeviceEvent> deviceEvents(String deviceId, EventQuery query) {
        return List.of();
    }

    /**
     * Read only: the Installation's Location's recorded events (mode changes) the query asks for,
     * newest first (classic {@code location.events()}, {@code location.eventsSince(date)}).
     */
    default List<AppEvent> locationEvents(EventQuery query) {
        return List.of();
    }

    /**
     * Read only: the subscriptions the Installation holds now (what earlier calls asked for), for
     * classic {@code app.subscriptions}; asked for only when the app reads it.
     */
    default List<AppIntent.Subscribe> subscriptions() {
        return List.of();
    }

    /**
     * Read only: the Location's routines, for classic {@code location.helloHome.getPhrases()} and
     * {@code execute(label)}; asked for only when the app reads {@code location.helloHome}.
     */
    default List<RoutineInfo> routines() {
        return List.of();
    }

    /**
     * Read only: the Location's real hubs, in the order they were added, for classic
     * {@code location.hubs} and {@code device.hub}; asked for only when the app reads one of them.
     */
    default List<HubSnapshot> hubs() {
        return List.of();
    }

    /**
     * Classic {@code createAccessToken()}: the token issuer (the global server, maybe over the network,
     * like outbound HTTP) makes a token for this Installation. It is answered during the call because
     * the app hands the token on at once (to a webhook it calls, in its response), so it must already
     * work. Hosts without tokens answer null.
     */
    default String createAccessToken() {
        return null;
    }

    /** Classic {@code revokeAccessToken()}, in order with {@link #createAccessToken()}. */
    default void revokeAccessToken() {
    }
}
