package hearth.engine.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the headers an app sets with {@code render(headers: [...])}. App responses are served
 * from Hearth's own origin, the authorization server's, so an app must not
 * <ul>
 *   <li>set cookies there, or weaken the headers that keep its answer from running as a page of
 *       that origin ({@code X-Content-Type-Options}, {@code Content-Security-Policy}, framing,
 *       CORS, cross-origin isolation);</li>
 *   <li>send a browser elsewhere with {@code Location} or {@code Refresh}: the authorization
 *       server's origin would become an open redirector (RFC 9700 §4.11); a relative URL or one on
 *       the Installation's own origin is fine;</li>
 *   <li>split the response or set framing and length headers, which are the server's.</li>
 * </ul>
 * A refusal is an {@link IllegalArgumentException} that says what to change; the host answers it
 * with the classic error body.
 */
final class ResponseHeaders {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** The server's own: framing, length, authentication, cookies and every security header. */
    private static final Set<String> RESERVED = Set.of("set-cookie", "set-cookie2", "cookie", "content-length",
            "transfer-encoding", "connection", "keep-alive", "upgrade", "trailer", "te", "content-type",
            "content-encoding", "www-authenticate", "proxy-authenticate", "strict-transport-security",
            "content-security-policy", "content-security-policy-report-only", "x-content-type-options",
            "x-frame-options", "x-xss-protection", "referrer-policy", "permissions-policy", "feature-policy",
            "clear-site-data", "cross-origin-opener-policy", "cross-origin-embedder-policy",
            "cross-origin-resource-policy", "x-permitted-cross-domain-policies", "x-ratelimit-limit",
            "x-ratelimit-current", "x-ratelimit-ttl", "retry-after", "alt-svc", "server", "date");
    /** CORS and the like: every header of these families is the server's. */
    private static final Set<String> RESERVED_PREFIXES = Set.of("access-control-", "sec-", "proxy-");
    /** Headers whose value sends the browser to a URL. */
    private static final Set<String> NAVIGATING = Set.of("location", "content-location", "refresh", "link");
    private static final Pattern REFRESH_URL = Pattern.compile("(?i)^\\s*\\d+(?:\\.\\d*)?\\s*[;,]?\\s*(?:url\\s*=\\s*)?"
            + "['\"]?([^'\"]*)['\"]?\\s*$");

    private ResponseHeaders() {
    }

    static String name(Object raw) {
        String name = String.valueOf(raw);
        if (!TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a header name");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower) || RESERVED_PREFIXES.stream().anyMatch(lower::startsWith)) {
            throw new IllegalArgumentException("a SmartApp may not set the " + name + " header: the server sets it,"
                    + " since SmartApp answers share its origin");
        }
        return name;
    }

    static String value(Object raw) {
        String value = String.valueOf(raw);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || c > 0xff) {
                throw new IllegalArgumentException("a header value must be one line of ISO-8859-1 text");
            }
        }
        return value;
    }

    /**
     * A header the app may set, with its value checked: {@code origin} is the Installation's own
     * ({@code scheme://host[:port]}), or null when there is none (then only relative URLs).
     */
    static void check(String name, String value, String origin) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!NAVIGATING.contains(lower)) {
            return;
        }
        if (lower.equals("link")) {
            // Link: <url>; rel=...: every URL in it must stay on the origin too
            Matcher m = Pattern.compile("<([^>]*)>").matcher(value);
            while (m.find()) {
                requireSameOrigin(name, m.group(1).trim(), origin);
            }
            return;
        }
        String url = value.trim();
        if (lower.equals("refresh")) {
            Matcher m = REFRESH_URL.matcher(value);
            if (!m.matches()) {
                throw new IllegalArgumentException("the Refresh header must be 'seconds' or 'seconds; url=URL', not '"
                        + value + "'");
            }
            url = m.group(1).trim();
            if (url.isEmpty()) {
                return;
            }
        }
        requireSameOrigin(name, url, origin);
    }

    private static void requireSameOrigin(String header, String url, String origin) {
        URI target;
        try {
            target = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the " + header + " header must be a URL, not '" + url + "'");
        }
        boolean relative = target.getScheme() == null && target.getRawAuthority() == null
                && !url.startsWith("//") && !url.startsWith("\\") && !url.contains("\\");
        if (relative) {
            return;
        }
        if (origin != null && !origin.isEmpty() && sameOrigin(target, origin)) {
            return;
        }
        throw new IllegalArgumentException("the " + header + " header may only point to this Installation's own server"
                + (origin == null || origin.isEmpty() ? "" : " (" + origin + ")")
                + " or be a relative URL, not " + url + ": answers come from the authorization server's origin, "
                + "which must not send browsers elsewhere");
    }

    private static boolean sameOrigin(URI target, String origin) {
        try {
            URI own = new URI(origin);
            return target.getScheme() != null && target.getScheme().equalsIgnoreCase(own.getScheme())
                    && target.getHost() != null && target.getHost().equalsIgnoreCase(own.getHost())
                    && port(target) == port(own) && target.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
