package hearth.smartapp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which redirect URIs a SmartApp may register, and when a requested one matches: exactly, by
 * simple string comparison (RFC 9700 §4.1.3), except that a loopback URI matches on any port
 * (RFC 8252 §7.3), since native apps take whatever port is free.
 */
public final class RedirectUris {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "[::1]", "::1", "localhost");

    private RedirectUris() {
    }

    /** Why the URI can't be registered, or empty when it can. */
    public static Optional<String> problem(String uri) {
        if (uri == null || uri.isBlank()) {
            return Optional.of("a redirect URI is empty");
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return Optional.of("redirect URI '" + uri + "' is not a valid URI: " + e.getReason());
        }
        if (!parsed.isAbsolute()) {
            return Optional.of("redirect URI '" + uri + "' must be absolute, e.g. https://example.com/callback");
        }
        if (parsed.getRawFragment() != null) {
            return Optional.of("redirect URI '" + uri + "' must not contain a fragment (#...) (RFC 6749 §3.1.2)");
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !isLoopback(parsed)) {
            return Optional.of("redirect URI '" + uri + "' uses http to a non-loopback host; use https "
                    + "(plain http is allowed only for localhost, 127.0.0.1 and [::1])");
        }
        if ((scheme.equals("http") || scheme.equals("https")) && (parsed.getHost() == null)) {
            return Optional.of("redirect URI '" + uri + "' has no host");
        }
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.contains(".")) {
            return Optional.of("redirect URI '" + uri + "' uses the scheme '" + scheme + "'; a native app's "
                    + "private-use scheme must be a reversed domain name such as com.example.app (RFC 8252 §7.1)");
        }
        return Optional.empty();
    }

    /** The registered URI that {@code requested} matches, if any. */
    public static Optional<String> match(List<String> registered, String requested) {
        if (requested == null) {
            return Optional.empty();
        }
        for (String candidate : registered) {
            if (candidate.equals(requested) || loopbackMatch(candidate, requested)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean loopbackMatch(String registered, String requested) {
        try {
            URI a = new URI(registered);
            URI b = new URI(requested);
            return "http".equalsIgnoreCase(a.getScheme()) && "http".equalsIgnoreCase(b.getScheme())
                    && isLoopback(a) && a.getHost().equalsIgnoreCase(b.getHost())
                    && a.getRawUserInfo() == null && b.getRawUserInfo() == null
                    && same(a.getRawPath(), b.getRawPath()) && same(a.getRawQuery(), b.getRawQuery())
                    && b.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static boolean isLoopback(URI uri) {
        return uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }
}
