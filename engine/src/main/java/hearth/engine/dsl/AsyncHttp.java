package hearth.engine.dsl;

import java.util.Map;

/**
 * {@code asynchttp_v1} (after {@code include 'asynchttp_v1'}): {@code asynchttp_v1.get("handler",
 * params[, data])} and post/put/delete/head/patch. Hearth sends the request at once and calls the
 * app's {@code handler(response, data)} before returning: the same order of effects as the classic
 * platform's later callback, only sooner, and within the call's time limit.
 */
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

    public void get(String callback, Map<String, Object> params) throws Exception {
        sender.send("GET", callback, params, null);
    }

    public void get(String callback, Map<String, Object> params, Object data) throws Exception {
        sender.send("GET", callback, params, data);
    }

    public void post(String callback, Map<String, Object> params) throws Exception {
        sender.send("POST", callback, params, null);
    }

    public void post(String callback, Map<String, Object> params, Object data) throws Exception {
        sender.send("POST", callback, params, data);
    }

    public void put(String callback, Map<String, Object> params) throws Exception {
        sender.send("PUT", callback, params, null);
    }

    public void put(String callback, Map<String, Object> params, Object data) throws Exception {
        sender.send("PUT", callback, params, data);
    }

    public void delete(String callback, Map<String, Object> params) throws Exception {
        sender.send("DELETE", callback, params, null);
    }

    public void delete(String callback, Map<String, Object> params, Object data) throws Exception {
        sender.send("DELETE", callback, params, data);
    }

    public void head(String callback, Map<String, Object> params) throws Exception {
        sender.send("HEAD", callback, params, null);
    }

    public void head(String callback, Map<String, Object> params, Object data) throws Exception {
        sender.send("HEAD", callback, params, data);
    }

    public void patch(String callback, Map<String, Object> params) throws Exception {
        sender.send("PATCH", callback, params, null);
    }

    public void patch(String callback, Map<String, Object> params, Object data) throws Exception {
        sender.send("PATCH", callback, params, data);
    }

    @Override
    public String toString() {
        return "asynchttp_v1";
    }
}
