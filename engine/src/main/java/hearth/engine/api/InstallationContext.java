package hearth.engine.api;

import java.util.List;
import java.util.Map;

/**
 * Everything one Installation of a SmartApp may reach while a handler runs. The host builds a
 * fresh context per call; the engine must reach devices, state and location only through it.
 */
public interface InstallationContext {

    String installationId();

    /** The SmartApp's id (classic {@code app.id} is the Installation id; see {@link #installationId()}). */
    String smartAppId();

    /** The label the user gave the Installation, or the SmartApp's name. */
    String label();

    LocationInfo location();

    /**
     * Values of the non-device inputs: String, Number, Boolean, or a List of those for
     * {@code multiple: true}. Device inputs are not in here: see {@link #devices(String)}.
     */
    Map<String, Object> settings();

    /** The devices chosen for a device input, in the order chosen; empty when none or no such input. */
    List<DeviceHandle> devices(String inputName);

    StateStore state();

    /**
     * The public base URL of the server that hosts this Installation, without a trailing slash
     * and without a default port, e.g. {@code https://eu01.example.com}.
     */
    String apiServerUrl();

    /** Classic {@code createAccessToken()}: issues a token for this Installation and returns it. */
    String createAccessToken();

    /** Classic {@code revokeAccessToken()}: revokes the tokens this Installation made for itself. */
    void revokeAccessToken();

    /**
     * The access token of this call when the client sent it as the {@code access_token} query
     * parameter, else null. Classic apps read it as {@code params.access_token} (many compare it
     * with {@code state.accessToken} inside {@code mappings}), so the engine puts it back into
     * {@code params} though {@link ApiRequest#query()} has it removed. The engine never logs it.
     */
    default String queryAccessToken() {
        return null;
    }

    /**
     * The event subscriptions this Installation holds now (what earlier calls asked for with
     * {@code subscribe}, as the host keeps them), for classic {@code app.subscriptions}. Asked for
     * only when the app reads {@code app.subscriptions}, so on the worker thread. The default: none.
     */
    default List<AppIntent.Subscribe> subscriptions() {
        return List.of();
    }

    /**
     * Receives what the app asked for later ({@code subscribe}, {@code runIn}, ...), after the call
     * and on the caller's thread. The default ignores them, as a host without a scheduler would.
     */
    default void recordIntent(AppIntent intent) {
    }
}
