package hearth.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small HTTP client for seeding: its own cookie jar (a "browser"), redirects not followed. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final String base;
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    Http(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    HttpResponse<String> postJson(String path, Object body, String... headers) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form; a value that is a List becomes repeated fields. */
    HttpResponse<String> postForm(String path, Map<String, ?> form, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))), headers);
    }

    HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        builder.timeout(Duration.ofSeconds(60));
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    static String form(Map<String, ?> form) {
        StringBuilder sb = new StringBuilder();
        form.forEach((k, v) -> {
            List<?> values = v instanceof List<?> l ? l : List.of(v);
            for (Object value : values) {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(encode(k)).append('=').append(encode(String.valueOf(value)));
            }
        });
        return sb.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 6749 §2.3.1: client id and secret are form-urlencoded before Basic encoding. */
    static String clientBasic(String clientId, String secret) {
        return basic(encode(clientId), encode(secret));
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no _csrf field in the page");
        }
        return m.group(1);
    }

    static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]+)\"").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    static List<String> values(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]+)\"").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + r.statusCode() + " "
                    + r.body().substring(0, Math.min(400, r.body().length())));
        }
    }

    /** The session cookie header value ("JSESSIONID=..."), for handing a session to wrk. */
    String cookieHeader() {
        StringBuilder sb = new StringBuilder();
        for (var c : cookies.getCookieStore().getCookies()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(c.getName()).append('=').append(c.getValue());
        }
        return sb.toString();
    }
}
