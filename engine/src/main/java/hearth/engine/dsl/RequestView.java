package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import groovy.json.JsonException;
import groovy.json.JsonSlurper;
import groovy.xml.XmlSlurper;
import hearth.engine.api.ApiRequest;

import java.io.StringReader;
import java.util.Map;

/**
 * {@code request} in a handler. The body is parsed only when asked for ({@code request.JSON},
 * {@code request.XML}); a body that is not JSON (or XML) gives null rather than failing the call,
 * as classic apps test {@code if (request.JSON?.command)}.
 */
@SmartAppApi
public final class RequestView {
    private final ApiRequest request;
    private Object json;
    private boolean jsonParsed;
    private Object xml;
    private boolean xmlParsed;

    public RequestView(ApiRequest request) {
        this.request = request;
    }

    @SmartAppApi
    public String getMethod() {
        return request.method();
    }

    @SmartAppApi
    public String getRequestSource() {
        return "oauth";
    }

    @SmartAppApi
    public Map<String, String> getHeaders() {
        return request.headers();
    }

    @SmartAppApi
    public String getBody() {
        return request.body();
    }

    @SmartAppApi
    public String getPath() {
        return request.path();
    }

    @SmartAppApi
    public Object getJSON() {
        if (!jsonParsed) {
            jsonParsed = true;
            String body = request.body().trim();
            if (!body.isEmpty()) {
                try {
                    json = new JsonSlurper().parseText(body);
                } catch (JsonException | IllegalArgumentException e) {
                    json = null;
                }
            }
        }
        return json;
    }

    @SmartAppApi
    public Object getXML() {
        if (!xmlParsed) {
            xmlParsed = true;
            String body = request.body().trim();
            if (body.startsWith("<")) {
                try {
                    // No DOCTYPE, no external entities: the body comes from the internet.
                    XmlSlurper slurper = new XmlSlurper(false, false, false);
                    xml = slurper.parse(new org.xml.sax.InputSource(new StringReader(body)));
                } catch (Exception e) {
                    xml = null;
                }
            }
        }
        return xml;
    }
}
