package hearth.engine.runtime;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the headers an app sets with {@code render(headers: [...])}. App responses are served
 * from Hearth's own origin, so an app must not set cookies there or split the response; framing
 * and length headers are the server's.
 */
final class ResponseHeaders {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Set<String> RESERVED = Set.of("set-cookie", "set-cookie2", "content-length",
            "transfer-encoding", "connection", "content-type", "www-authenticate", "strict-transport-security",
            "content-security-policy", "access-control-allow-origin", "access-control-allow-credentials");

    private ResponseHeaders() {
    }

    static String name(Object raw) {
        String name = String.valueOf(raw);
        if (!TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a header name");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("a SmartApp may not set the " + name + " header");
        }
        return name;
    }

    static String value(Object raw) {
        String value = String.valueOf(raw);
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a header value must be one line");
        }
        return value;
    }
}
