package hearth.engine.http;

import hearth.engine.OutboundSettings;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Decides where a request may go, once per hop (redirects are decided again). The host is
 * resolved here and the connection is then made to exactly the address that was checked
 * ({@link Target#address()}), so a name that answers a public address to the check and a private
 * one to the connection (DNS rebinding) gains nothing. When a name has several addresses, each
 * must pass: the check can't know which one a retry would use.
 */
final class OutboundPolicy implements AutoCloseable {
    private final OutboundSettings settings;
    private final AllowList allow;
    private final BoundedResolver resolver;

    OutboundPolicy(OutboundSettings settings, Resolver resolver) {
        this.settings = settings;
        this.allow = AllowList.parse(settings.allow());
        this.resolver = new BoundedResolver(resolver);
    }

    /** Where to connect for {@code uri}, with a lookup of at most the settings' timeout. */
    Target check(URI uri) throws UnknownHostException, java.net.SocketTimeoutException {
        return check(uri, System.nanoTime() + settings.timeout().toNanos());
    }

    /** Where to connect for {@code uri}; the name lookup gives up at {@code deadlineNanos}. */
    Target check(URI uri, long deadlineNanos) throws UnknownHostException, java.net.SocketTimeoutException {
        if (!settings.enabled()) {
            throw new OutboundRequestRefusedException("outbound HTTP is turned off on this server");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundRequestRefusedException("only http and https URLs can be requested, not '"
                    + (scheme.isEmpty() ? uri : scheme + ":") + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new OutboundRequestRefusedException("the URL has no host: write http://host/path");
        }
        if (uri.getRawUserInfo() != null) {
            throw new OutboundRequestRefusedException("user:password@ in URLs is not supported; send an "
                    + "Authorization header");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        // an unknown host is an UnknownHostException, as on the classic platform
        InetAddress[] addresses = resolver.resolve(bare, deadlineNanos);
        if (addresses.length == 0) {
            throw new UnknownHostException(bare);
        }
        for (InetAddress a : addresses) {
            String reason = ForbiddenAddresses.reason(a);
            if (reason != null && !allow.allows(bare, port, a)) {
                throw new OutboundRequestRefusedException("outbound HTTP to " + bare + ":" + port
                        + (bare.equals(a.getHostAddress()) ? "" : " (" + a.getHostAddress() + ")") + " is refused: a "
                        + reason + " address; the server's operator can allow it in hearth.outbound.allow");
            }
        }
        return new Target(scheme, bare, port, addresses[0]);
    }

    @Override
    public void close() {
        resolver.close();
    }

    /** Where one request goes: the URL's host (for Host, SNI and certificate checks) and the checked address. */
    record Target(String scheme, String host, int port, InetAddress address) {
        boolean tls() {
            return scheme.equals("https");
        }
    }

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;

        Resolver SYSTEM = InetAddress::getAllByName;
    }
}
