package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import java.util.Map;

/**
 * {@code asynchttp_v1} (after {@code include 'asynchttp_v1'}): {@code asynchttp_v1.get("handler",
 * params[, data])} and post/put/delete/head/patch. Hearth sends the request at once and calls the
 * app's {@code handler(response, data)} before returning: the same order of effects as the classic
 * platform's later callback, only sooner, and within the call's time limit.
 */
@SmartAppApi
public final class AsyncHttp {
    /** Sends and calls back; the script implements it. */
    @FunctionalInterface
    public interface Sender {
        void send(String method, String callback, Object params, Object data) throws Exception;
    }

    private final Sender sender;

    public AsyncHttp(Sender sender) {
        this.sender = sender;
    }

    @SmartAppApi
    public void get(String callback, Map<String, Object> params) throws Exception {
        sender.send("GET", callback, params, null);
    }

    @SmartAppApi
    public void get(String callback, Map<String, Object> params, Object data) throws Exception {
        sender.send("GET", callback, params, data);
    }

    @SmartAppApi
    public void post(String callback, Map<String, Object> params) throws Exception {
        sender.send("POST", callback, params, null);
    }

    @SmartAppApi
    public void post(String callback, Map<String, Object> params, Object data) throws Exception {
        sender.send("POST", callback, params, data);
    }

    @SmartAppApi
    public void put(String callback, Map<String, Object> params) throws Exception {
        sender.send("PUT", callback, params, null);
    }

    @SmartAppApi
    public void put(String callback, Map<String, Object> params, Object data) throws Exception {
        sender.send("PUT", callback, params, data);
    }

    @SmartAppApi
    public void delete(String callback, Map<String, Object> params) throws Exception {
        sender.send("DELETE", callback, params, null);
    }

    @SmartAppApi
    public void delete(String callback, Map<String, Object> params, Object data) throws Exception {
        sender.send("DELETE", callback, params, data);
    }

    @SmartAppApi
    public void head(String callback, Map<String, Object> params) throws Exception {
        sender.send("HEAD", callback, params, null);
    }

    @SmartAppApi
    public void head(String callback, Map<String, Object> params, Object data) throws Exception {
        sender.send("HEAD", callback, params, data);
    }

    @SmartAppApi
    public void patch(String callback, Map<String, Object> params) throws Exception {
        sender.send("PATCH", callback, params, null);
    }

    @SmartAppApi
    public void patch(String callback, Map<String, Object> params, Object data) throws Exception {
        sender.send("PATCH", callback, params, data);
    }

    @SmartAppApi
    @Override
    public String toString() {
        return "asynchttp_v1";
    }
}
