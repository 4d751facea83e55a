package hearth.engine.dsl;

import groovy.json.JsonSlurper;

import java.util.Map;

/**
 * What an {@code asynchttp} callback receives, as on the classic platform: {@code status},
 * {@code data} (the text), {@code json} and {@code xml} (parsed when asked), {@code headers},
 * {@code hasError()}, {@code errorMessage}, {@code errorData}, {@code errorJson}. A request that
 * was refused or failed on the network has an error and status 408 (timeout) or 500.
 */
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

    public int getStatus() {
        return status;
    }

    public String getData() {
        return hasError() ? null : text;
    }

    public Object getJson() {
        return hasError() || text.isBlank() ? null : new JsonSlurper().parseText(text);
    }

    public Object getXml() throws Exception {
        return hasError() || text.isBlank() ? null : hearth.engine.http.XmlText.parse(text);
    }

    public Map<String, String> getHeaders() {
        return headers;
    }

    public boolean hasError() {
        return error != null;
    }

    public String getErrorMessage() {
        return error;
    }

    public String getErrorData() {
        return hasError() ? text : null;
    }

    public Object getErrorJson() {
        return hasError() && !text.isBlank() ? new JsonSlurper().parseText(text) : null;
    }

    @Override
    public String toString() {
        return "HTTP " + status + (error == null ? "" : " (" + error + ")");
    }
}
