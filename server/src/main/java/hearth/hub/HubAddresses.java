package hearth.hub;

import hearth.HearthProperties;
import hearth.engine.http.AllowList;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where a hub may connect: a broker address is an outbound connection the user chooses, so like
 * a SmartApp's HTTP it obeys an operator's list, {@code hearth.hubs.allow}. The host is resolved
 * here, every address it resolves to must be allowed, and the connection then goes to the
 * address that was checked ({@link Target#address()}), so a name that answers one address to
 * the check and another to the connection (DNS rebinding) gains nothing. Checked again on every
 * reconnection.
 */
@Component
public class HubAddresses {
    static final String SETTING = "hearth.hubs.allow";

    private final AllowList allow;

    public HubAddresses(HearthProperties properties) {
        this.allow = AllowList.parse(SETTING, properties.hubs().allow());
    }

    /** A broker to connect to: the address checked, carrying the host name for TLS. */
    record Target(boolean tls, String host, InetSocketAddress address) {
    }

    /** Checks the URL's form only (no lookup): {@code tcp://host[:port]} or {@code ssl://host[:port]}. */
    static URI parse(String url) {
        if (url == null || url.isBlank() || url.length() > 500) {
            throw new HubException("url is required: tcp://host:1883 or ssl://host:8883");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new HubException("url is not a URL: write tcp://host:1883 or ssl://host:8883");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("ssl") && !scheme.equals("mqtt") && !scheme.equals("mqtts")) {
            throw new HubException("url must start with tcp:// (or mqtt://) or ssl:// (or mqtts://), not '"
                    + (scheme.isEmpty() ? url : scheme + ":") + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new HubException("url has no host: write tcp://host:1883");
        }
        if (uri.getRawUserInfo() != null) {
            throw new HubException("url must not hold user:password@; send username and password as fields");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new HubException("url is a broker's address only: tcp://host:port, without a path or query");
        }
        return uri;
    }

    /**
     * Resolves and checks the broker's address.
     *
     * @throws HubException when the URL is malformed, the host unknown, or an address not allowed
     */
    Target check(String url) {
        URI uri = parse(url);
        boolean tls = uri.getScheme().toLowerCase(Locale.ROOT).startsWith("ssl")
                || uri.getScheme().equalsIgnoreCase("mqtts");
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 8883 : 1883;
        String host = uri.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new HubException("the broker's host " + bare + " is not known");
        }
        if (addresses.length == 0) {
            throw new HubException("the broker's host " + bare + " is not known");
        }
        for (InetAddress a : addresses) {
            if (!allow.allows(bare, port, a)) {
                throw new HubException("this server does not connect to " + bare + ":" + port + " ("
                        + a.getHostAddress() + "): the operator's setting " + SETTING + " does not list it");
            }
        }
        try {
            // the checked address, with the name kept for TLS: no second lookup
            return new Target(tls, bare, new InetSocketAddress(InetAddress.getByAddress(bare,
                    addresses[0].getAddress()), port));
        } catch (UnknownHostException e) {
            throw new HubException("the broker's host " + bare + " is not known");
        }
    }
}
