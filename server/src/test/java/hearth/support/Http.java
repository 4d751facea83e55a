package hearth.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP client for the tests, one per simulated person or program: it keeps its own
 * cookies (a browser) and never follows redirects, so each step of a flow can be checked.
 */
public class Http {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern REQUEST_ID = Pattern.compile("name=\"request\"\\s+value=\"([^\"]+)\"");

    private final List<String> bases;
    private final AtomicInteger next = new AtomicInteger();
    private final List<String> aliases;
    private final HttpClient client;

    public Http(String base) {
        this(List.of(base));
    }

    /**
     * A round-robin balancer in front of several nodes: each request goes to the next one, with the
     * same cookies (cookies don't tell ports apart); an absolute URL naming any node goes to the next.
     */
    public Http(List<String> bases) {
        this(bases, List.of());
    }

    /** One node standing in for others: absolute URLs naming any of {@code aliases} go to {@code base}. */
    public static Http standingIn(String base, String... aliases) {
        return new Http(List.of(base), List.of(aliases));
    }

    private Http(List<String> bases, List<String> aliases) {
        this.bases = List.copyOf(bases);
        this.aliases = List.copyOf(aliases);
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String base() {
        return bases.get(0);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    /** A streamed answer, line by line (Server-Sent Events); closing the stream ends the request. */
    public HttpResponse<java.util.stream.Stream<String>> lines(String path, String... headers) {
        try {
            return client.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofLines());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        return send(request(path, headers).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> postForm(String path, Map<String, ?> form, String... headers) {
        String[] all = concat(headers, "Content-Type", "application/x-www-form-urlencoded");
        return send(request(path, all).POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    public HttpResponse<String> postJson(String path, Object body, String... headers) {
        String[] all = concat(headers, "Content-Type", "application/json");
        return send(request(path, all).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    public HttpResponse<String> putJson(String path, Object body, String... headers) {
        String[] all = concat(headers, "Content-Type", "application/json");
        return send(request(path, all).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String csrf(String html) {
        return find(CSRF, html, "_csrf");
    }

    public static String requestId(String html) {
        return find(REQUEST_ID, html, "request");
    }

    public static Map<String, String> query(String uri) {
        String query = URI.create(uri).getRawQuery();
        Map<String, String> result = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                result.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        return result;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static String form(Map<String, ?> form) {
        return form.entrySet().stream().flatMap(e -> {
            Object value = e.getValue();
            List<?> values = value instanceof List<?> list ? list : List.of(value);
            return values.stream().map(v -> encode(e.getKey()) + "=" + encode(String.valueOf(v)));
        }).collect(Collectors.joining("&"));
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String find(Pattern pattern, String html, String what) {
        Matcher m = pattern.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no " + what + " field in the page:\n" + html);
        }
        return m.group(1);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(target(path))).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private String target(String path) {
        String base = bases.size() == 1 ? bases.get(0) : bases.get(Math.floorMod(next.getAndIncrement(),
                bases.size()));
        if (!path.startsWith("http")) {
            return base + path;
        }
        for (String node : bases) {
            if (bases.size() > 1 && path.startsWith(node)) {
                return base + path.substring(node.length());
            }
        }
        for (String alias : aliases) {
            if (path.startsWith(alias)) {
                return base + path.substring(alias.length());
            }
        }
        return path;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String[] concat(String[] headers, String... more) {
        String[] all = new String[headers.length + more.length];
        System.arraycopy(headers, 0, all, 0, headers.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }
}
