package groovyx.net.http;

import hearth.engine.sandbox.SmartAppApi;
import hearth.engine.dsl.HttpResponseView;

/**
 * The answer said it was JSON (or XML, or the app asked for that) but could not be parsed, as
 * HTTPBuilder reported it; the IFTTT app catches it by this name. {@code e.response.data} holds
 * the text as received.
 */
@SmartAppApi
public class ResponseParseException extends HttpResponseException {
    public ResponseParseException(HttpResponseView response, String why) {
        super(response, "could not parse the response as " + why);
    }
}
