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

    @SmartAppApi
    @Override
    public String toString() {
        return "HubAction(" + description + ")";
    }
}
