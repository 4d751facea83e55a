package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the closure of {@code httpGet(...) { resp -> }} receives, shaped like HTTPBuilder's
 * response on the classic platform: {@code status}, {@code data} (a Map or List for JSON, a
 * GPathResult for XML, else the text), {@code headers} (by name, any case: {@code
 * resp.headers.'Content-Type'}), {@code contentType} (without parameters), {@code success}.
 */
@SmartAppApi
public final class HttpResponseView {
    private final int status;
    private final String reasonPhrase;
    private final Object data;
    private final String contentType;
    private final List<HeaderView> headers;
    private final Map<String, String> byName;

    public HttpResponseView(int status, String reasonPhrase, Object data, String contentType,
                            List<HeaderView> headers) {
        this.status = status;
        this.reasonPhrase = reasonPhrase == null ? "" : reasonPhrase;
        this.data = data;
        this.contentType = contentType;
        this.headers = List.copyOf(headers);
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (HeaderView h : headers) {
            map.merge(h.getName(), h.getValue(), (a, b) -> a + ", " + b);
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    @SmartAppApi
    public int getStatus() {
        return status;
    }

    @SmartAppApi
    public String getReasonPhrase() {
        return reasonPhrase;
    }

    @SmartAppApi
    public Object getData() {
        return data;
    }

    @SmartAppApi
    public String getContentType() {
        return contentType;
    }

    /** As HTTPBuilder: everything below 400 is a success (an unfollowed redirect too). */
    @SmartAppApi
    public boolean isSuccess() {
        return status < 400;
    }

    @SmartAppApi
    public boolean getSuccess() {
        return isSuccess();
    }

    /** Header values by name, any case; repeated headers joined with ", ". */
    @SmartAppApi
    public Map<String, String> getHeaders() {
        return byName;
    }

    @SmartAppApi
    public List<HeaderView> getHeaders(String name) {
        List<HeaderView> out = new ArrayList<>();
        for (HeaderView h : headers) {
            if (h.getName().equalsIgnoreCase(name)) {
                out.add(h);
            }
        }
        return out;
    }

    @SmartAppApi
    public List<HeaderView> getAllHeaders() {
        return headers;
    }

    @SmartAppApi
    public HeaderView getFirstHeader(String name) {
        List<HeaderView> all = getHeaders(name);
        return all.isEmpty() ? null : all.get(0);
    }

    @SmartAppApi
    public HeaderView getLastHeader(String name) {
        List<HeaderView> all = getHeaders(name);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    @SmartAppApi
    @Override
    public String toString() {
        return "HTTP " + status + (reasonPhrase.isEmpty() ? "" : " " + reasonPhrase);
    }
}
