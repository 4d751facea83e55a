package hearth.engine.http;

import hearth.engine.dsl.Json;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A classic request description turned into what goes on the wire. Classic apps pass either a URL
 * or HTTPBuilder's map: {@code uri}, {@code path} (resolved against {@code uri}), {@code query}
 * (a map, encoded and appended), {@code headers}, {@code body}, {@code contentType} (what the app
 * expects back, sent as Accept, and the request's type unless {@code requestContentType} says
 * otherwise) and {@code timeout} (seconds). A map or list body is JSON when the request type is
 * JSON, a form otherwise, as HTTPBuilder encoded it.
 *
 * @param expect the type to parse the answer as, or null to go by the answer's Content-Type
 */
record ClassicRequest(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body,
                      String expect, Integer timeoutSeconds) {
    static final String JSON = "application/json";
    static final String FORM = "application/x-www-form-urlencoded";
    private static final int MAX_URI = 8192;
    /** Hearth writes these itself; an app setting them could smuggle a second request. */
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "transfer-encoding",
            "connection", "keep-alive", "upgrade", "te", "trailer", "expect", "proxy-authorization",
            "proxy-connection");

    /**
     * @param json true for {@code httpPostJson}/{@code httpPutJson}: the body is JSON and so is the answer
     */
    static ClassicRequest of(String method, Object spec, boolean json) {
        Map<?, ?> params = spec instanceof Map<?, ?> m ? m : Map.of("uri", spec == null ? "" : spec);
        for (Object key : params.keySet()) {
            if (!Set.of("uri", "path", "query", "headers", "body", "contentType", "requestContentType", "timeout",
                    "ignoreSSLIssues").contains(String.valueOf(key))) {
                throw new IllegalArgumentException(method + " request: unknown parameter '" + key
                        + "' (Hearth reads uri, path, query, headers, body, contentType, requestContentType, timeout)");
            }
        }
        if (Boolean.TRUE.equals(params.get("ignoreSSLIssues"))) {
            throw new IllegalArgumentException("ignoreSSLIssues is not supported: Hearth always checks certificates");
        }
        URI uri = uri(params);
        String accept = text(params.get("contentType"));
        String requestType = text(params.get("requestContentType"));
        if (json) {
            accept = accept == null ? JSON : accept;
            requestType = JSON;
        } else if (requestType == null && accept != null && !accept.equals("*/*")) {
            requestType = accept;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        boolean acceptSet = false;
        if (params.get("headers") instanceof Map<?, ?> given) {
            for (Map.Entry<?, ?> h : given.entrySet()) {
                String name = String.valueOf(h.getKey());
                String value = String.valueOf(h.getValue());
                if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                    throw new IllegalArgumentException("the header name '" + name + "' is not a valid HTTP token");
                }
                if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("the header " + name + " is set by Hearth, not by apps");
                }
                if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("the value of header " + name + " must be one line");
                }
                acceptSet |= name.equalsIgnoreCase("Accept");
                if (name.equalsIgnoreCase("Content-Type")) {
                    requestType = value;
                    continue; // written below, with the body
                }
                headers.add(Map.entry(name, value));
            }
        } else if (params.get("headers") != null) {
            throw new IllegalArgumentException("headers must be a map of names to values");
        }
        if (!acceptSet) {
            headers.add(Map.entry("Accept", accept == null ? "*/*" : accept));
        }
        byte[] body = null;
        Object given = params.get("body");
        if (given != null) {
            String type = requestType;
            String text;
            if (given instanceof Map<?, ?> || given instanceof Collection<?>) {
                boolean asJson = type != null && isJson(type);
                if (!asJson && given instanceof Map<?, ?> form) {
                    text = form(form);
                    type = type == null || type.equals("*/*") ? FORM : type;
                } else {
                    text = Json.write(given);
                    type = type == null ? JSON : type;
                }
            } else {
                text = given.toString();
                type = type == null || type.equals("*/*") ? "text/plain" : type;
            }
            if (type.indexOf('\r') >= 0 || type.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("requestContentType must be one line");
            }
            headers.add(Map.entry("Content-Type", type.contains("charset") ? type : type + "; charset=UTF-8"));
            body = text.getBytes(StandardCharsets.UTF_8);
        }
        Object timeout = params.get("timeout");
        Integer seconds = timeout instanceof Number n ? Integer.valueOf(n.intValue()) : null;
        String expect = accept == null || accept.equals("*/*") ? null : accept;
        return new ClassicRequest(method, uri, List.copyOf(headers), body, expect, seconds);
    }

    static boolean isJson(String type) {
        String t = mime(type);
        return t.equals(JSON) || t.endsWith("+json") || t.equals("text/json") || t.equals("text/javascript");
    }

    static boolean isXml(String type) {
        String t = mime(type);
        return t.equals("application/xml") || t.equals("text/xml") || t.endsWith("+xml");
    }

    /** "Application/JSON; charset=utf-8" -> "application/json". */
    static String mime(String type) {
        if (type == null) {
            return "";
        }
        int semi = type.indexOf(';');
        return (semi >= 0 ? type.substring(0, semi) : type).trim().toLowerCase(Locale.ROOT);
    }

    private static URI uri(Map<?, ?> params) {
        String base = text(params.get("uri"));
        if (base == null || base.isBlank()) {
            throw new IllegalArgumentException("the request has no uri: httpGet(\"https://host/path\") { resp -> }"
                    + " or httpGet(uri: \"https://host\", path: \"/path\") { resp -> }");
        }
        URI uri;
        try {
            uri = new URI(base.trim());
            String path = text(params.get("path"));
            if (path != null && !path.isEmpty()) {
                if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
                    uri = new URI(uri.getScheme(), uri.getRawAuthority(), "/", null, null); // so resolve keeps the host
                }
                uri = uri.resolve(new URI(null, null, path, null));
            }
            if (params.get("query") instanceof Map<?, ?> query && !query.isEmpty()) {
                String q = form(query);
                String raw = uri.getRawQuery();
                String rebuilt = uri.getScheme() + "://" + uri.getRawAuthority()
                        + (uri.getRawPath() == null ? "" : uri.getRawPath())
                        + "?" + (raw == null || raw.isEmpty() ? q : raw + "&" + q);
                uri = new URI(rebuilt);
            } else if (params.get("query") != null && !(params.get("query") instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("query must be a map of names to values");
            }
        } catch (URISyntaxException e) {
            // the reason and position only: the URL itself may carry a key or token in its query
            throw new IllegalArgumentException("not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
        if (uri.toString().length() > MAX_URI) {
            throw new IllegalArgumentException("the URL is longer than " + MAX_URI + " characters");
        }
        return uri;
    }

    private static String form(Map<?, ?> values) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<?, ?> e : values.entrySet()) {
            Collection<?> all = e.getValue() instanceof Collection<?> c ? c : java.util.Collections.singletonList(e.getValue());
            for (Object v : all) {
                if (b.length() > 0) {
                    b.append('&');
                }
                b.append(URLEncoder.encode(String.valueOf(e.getKey()), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(v == null ? "" : v.toString(), StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
