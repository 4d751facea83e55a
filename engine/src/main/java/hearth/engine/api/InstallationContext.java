package hearth.engine.api;

import java.util.List;
import java.util.Map;

/**
 * An Installation kept by its host in memory (tests, tools), for {@link SmartApp#handle} and the
 * other calls that take one: the engine reads an {@link InstallationSnapshot} from it before the
 * call, asks it what {@link CallPorts} would answer during the call, and hands it the
 * {@link CallEffects} after the call (device commands to the handles, the state to {@link #state()},
 * intents to {@link #recordIntent}), all on the caller's thread except the ports. A host with a
 * database calls {@link SmartApp#call} itself and applies the effects in one transaction.
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

    /**
     * Device inputs with chosen devices beyond the app's static ones (those only a dynamic page
     * declares), so that the snapshot holds them too. The default: none.
     */
    default java.util.Collection<String> deviceInputNames() {
        return List.of();
    }

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
     * ({@link CallPorts#subscriptions()})
     */
    default List<AppIntent.Subscribe> subscriptions() {
        return List.of();
    }

    /** The Location's recorded events (mode changes) the query asks for, newest first. The default: none. */
    default List<AppEvent> locationEvents(EventQuery query) {
        return List.of();
    }

    /** The Location's routines, for {@code location.helloHome} ({@link CallPorts#routines()}). The default: none. */
    default List<RoutineInfo> routines() {
        return List.of();
    }

    /**
     * Receives what the app asked for later ({@code subscribe}, {@code runIn}, ...), after the call
     * and on the caller's thread. The default ignores them, as a host without a scheduler would.
     */
    default void recordIntent(AppIntent intent) {
    }
}
