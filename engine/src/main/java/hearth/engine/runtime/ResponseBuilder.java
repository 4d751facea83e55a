package hearth.engine.runtime;

import hearth.engine.api.HandlerOutcome;
import hearth.engine.dsl.Json;

import java.util.Locale;
import java.util.Map;

/**
 * Turns what a handler returned into a response by the classic rules (SPEC §2.4):
 * <ul>
 *   <li>{@code render(...)} wins in every method: its status (default 200), its content type, its
 *       data (a String as is, anything else as JSON);</li>
 *   <li>PUT and DELETE answer 204 with no body, whatever was returned;</li>
 *   <li>GET answers 200, POST 201 (other methods 200): a Map, List, Number or Boolean as JSON, a
 *       String as {@code text/plain}, null as no body.</li>
 * </ul>
 */
final class ResponseBuilder {
    static final String JSON = "application/json;charset=utf-8";
    static final String TEXT = "text/plain;charset=utf-8";
    /** The largest body an app may answer; bounds what the platform hands out (SANDBOX.md). */
    static final int MAX_BODY_CHARS = 16 * 1024 * 1024;

    private ResponseBuilder() {
    }

    static HandlerOutcome.Response build(String method, Object returned, RenderedResponse lastRendered) {
        HandlerOutcome.Response response = unbounded(method, returned, lastRendered);
        if (response.body() != null && response.body().length() > MAX_BODY_CHARS) {
            throw new ResponseTooLargeException("the response would be " + response.body().length()
                    + " characters; the limit is " + MAX_BODY_CHARS);
        }
        return response;
    }

    private static HandlerOutcome.Response unbounded(String method, Object returned, RenderedResponse lastRendered) {
        RenderedResponse rendered = returned instanceof RenderedResponse r ? r : lastRendered;
        if (rendered != null) {
            return render(rendered);
        }
        String m = method.toUpperCase(Locale.ROOT);
        if (m.equals("PUT") || m.equals("DELETE")) {
            return noContent();
        }
        int status = m.equals("POST") ? 201 : 200;
        if (returned == null) {
            return new HandlerOutcome.Response(status, null, null, Map.of());
        }
        if (returned instanceof CharSequence cs) {
            return new HandlerOutcome.Response(status, TEXT, cs.toString(), Map.of());
        }
        return new HandlerOutcome.Response(status, JSON, Json.write(jsonable(returned)), Map.of());
    }

    static HandlerOutcome.Response noContent() {
        return new HandlerOutcome.Response(204, null, null, Map.of());
    }

    private static HandlerOutcome.Response render(RenderedResponse r) {
        Object data = r.data();
        String contentType = r.contentType();
        String body;
        if (data == null) {
            body = null;
        } else if (data instanceof CharSequence cs) {
            body = cs.toString();
        } else {
            body = Json.write(jsonable(data));
            if (contentType == null) {
                contentType = JSON;
            }
        }
        if (contentType == null && body != null) {
            contentType = TEXT;
        }
        return new HandlerOutcome.Response(r.status(), withCharset(contentType), body, r.headers());
    }

    /** Textual types get an explicit charset so the host encodes the body the way the client decodes it. */
    private static String withCharset(String contentType) {
        if (contentType == null || contentType.toLowerCase(Locale.ROOT).contains("charset")) {
            return contentType;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        if (ct.startsWith("text/") || ct.contains("json") || ct.contains("xml") || ct.contains("javascript")) {
            return contentType + ";charset=utf-8";
        }
        return contentType;
    }

    /** Arrays become lists; everything else the JSON writer knows. */
    private static Object jsonable(Object o) {
        return o instanceof Object[] array ? java.util.Arrays.asList(array) : o;
    }
}
