package physicalgraph.device;

import hearth.engine.sandbox.SmartAppApi;
import java.util.Map;

/**
 * The classic platform's LAN command, sent through the user's hub with {@code sendHubCommand}.
 * Hearth has no hubs: apps may build one (JSON Complete API does in an event handler), and
 * {@code sendHubCommand} drops it with a warning in the app's log. Nothing here touches a network.
 */
@SmartAppApi
public final class HubAction {
    private final String description;

    @SmartAppApi
    public HubAction(Map<String, Object> params) {
        Object method = params == null ? null : params.get("method");
        Object path = params == null ? null : params.get("path");
        this.description = method + " " + path;
    }

    @SmartAppApi
    public HubAction(String command) {
        this.description = "raw command";
    }

    @SmartAppApi
    public HubAction(String command, Object protocol) {
        this(command);
    }

    /** {@code new HubAction(params, dni)}: the request and the device network id it answers to. */
    @SmartAppApi
    public HubAction(Map<String, Object> params, String dni) {
        this(params);
    }

    @SmartAppApi
    public HubAction(Map<String, Object> params, String dni, Map<String, Object> options) {
        this(params);
    }

    @SmartAppApi
    public HubAction(String command, Object protocol, String dni) {
        this(command);
    }

    @SmartAppApi
    public HubAction(String command, Object protocol, String dni, Map<String, Object> options) {
        this(command);
    }

    /**
     * {@code HubAction.newInstance(params)}: classic apps wrote the class's creation this way too (in
     * Groovy, {@code Class.newInstance(args)} calls the constructor), which Hearth otherwise refuses
     * as reflection; these call the constructors above.
     */
    @SmartAppApi
    public static HubAction newInstance(Map<String, Object> params) {
        return new HubAction(params);
    }

    @SmartAppApi
    public static HubAction newInstance(Map<String, Object> params, String dni) {
        return new HubAction(params);
    }

    @SmartAppApi
    public static HubAction newInstance(Map<String, Object> params, String dni, Map<String, Object> options) {
        return new HubAction(params);
    }

    @SmartAppApi
    public static HubAction newInstance(String command) {
        return new HubAction(command);
    }

    @SmartAppApi
    public static HubAction newInstance(String command, Object protocol) {
        return new HubAction(command);
    }

    @SmartAppApi
    public static HubAction newInstance(String command, Object protocol, String dni) {
        return new HubAction(command);
    }

    @SmartAppApi
    @Override
    public String toString() {
        return "HubAction(" + description + ")";
    }
}
