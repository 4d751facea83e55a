package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import groovy.json.JsonSlurper;

import java.util.Map;

/**
 * What an {@code asynchttp} callback receives, as on the classic platform: {@code status},
 * {@code data} (the text), {@code json} and {@code xml} (parsed when asked), {@code headers},
 * {@code hasError()}, {@code errorMessage}, {@code errorData}, {@code errorJson}. A request that
 * was refused or failed on the network has an error and status 408 (timeout) or 500.
 */
@SmartAppApi
public final class AsyncResponseView {
    private final int status;
    private final String text;
    private final Map<String, String> headers;
    private final String error;

    public AsyncResponseView(int status, String text, Map<String, String> headers, String error) {
        this.status = status;
        this.text = text == null ? "" : text;
        this.headers = headers;
        this.error = error;
    }

    @SmartAppApi
    public int getStatus() {
        return status;
    }

    @SmartAppApi
    public String getData() {
        return hasError() ? null : text;
    }

    @SmartAppApi
    public Object getJson() {
        return hasError() || text.isBlank() ? null : new JsonSlurper().parseText(text);
    }

    @SmartAppApi
    public Object getXml() throws Exception {
        return hasError() || text.isBlank() ? null : hearth.engine.http.XmlText.parse(text);
    }

    @SmartAppApi
    public Map<String, String> getHeaders() {
        return headers;
    }

    @SmartAppApi
    public boolean hasError() {
        return error != null;
    }

    @SmartAppApi
    public String getErrorMessage() {
        return error;
    }

    @SmartAppApi
    public String getErrorData() {
        return hasError() ? text : null;
    }

    @SmartAppApi
    public Object getErrorJson() {
        return hasError() && !text.isBlank() ? new JsonSlurper().parseText(text) : null;
    }

    @SmartAppApi
    @Override
    public String toString() {
        return "HTTP " + status + (error == null ? "" : " (" + error + ")");
    }
}
