package groovyx.net.http;

import hearth.engine.sandbox.SmartAppApi;
import hearth.engine.dsl.HttpResponseView;

import java.io.IOException;

/**
 * What classic {@code httpGet}/{@code httpPost}/... throw for an answer with status 400 or more,
 * under the name classic apps catch ({@code catch (groovyx.net.http.HttpResponseException e)}),
 * as HTTPBuilder did on SmartThings: {@code e.statusCode}, {@code e.response.status},
 * {@code e.response.data}, and the reason phrase as the message. Hearth has no HTTPBuilder; only
 * these names are kept.
 */
@SmartAppApi
public class HttpResponseException extends IOException {
    private final transient HttpResponseView response;

    public HttpResponseException(HttpResponseView response) {
        this(response, response.getReasonPhrase().isEmpty() ? "HTTP " + response.getStatus()
                : response.getReasonPhrase());
    }

    protected HttpResponseException(HttpResponseView response, String message) {
        super(message);
        this.response = response;
    }

    @SmartAppApi
    public HttpResponseView getResponse() {
        return response;
    }

    @SmartAppApi
    public int getStatusCode() {
        return response.getStatus();
    }
}
