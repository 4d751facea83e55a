package hearth.engine.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's exceptions to {@link ForbiddenAddresses}: {@code host}, {@code host:port},
 * {@code 10.1.2.3}, {@code 10.1.2.3:8080}, {@code [::1]}, {@code [::1]:8080} and CIDRs
 * ({@code 192.168.1.0/24}, {@code fd00::/8}). A host name matches the URL's host as written, so
 * {@code nas.lan} allows whatever that name resolves to; addresses and CIDRs match the resolved
 * address, whatever name led there.
 */
public final class AllowList {
    private static final Pattern HOST_PORT = Pattern.compile("([^:\\[\\]/]+)(?::(\\d{1,5}))?");
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9a-fA-F:.]+)](?::(\\d{1,5}))?");
    private static final Pattern CIDR = Pattern.compile("([0-9a-fA-F:.]+)/(\\d{1,3})");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HOST_NAME = Pattern.compile("[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?"
            + "(\\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*\\.?");

    private final List<Entry> entries;

    private AllowList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @throws IllegalArgumentException naming the entry that is not one of the forms above
     */
    public static AllowList parse(List<String> raw) {
        return parse("hearth.outbound.allow", raw);
    }

    /** The same forms for another setting, named in the error. */
    public static AllowList parse(String setting, List<String> raw) {
        List<Entry> out = new ArrayList<>();
        for (String r : raw) {
            try {
                out.add(entry(r == null ? "" : r.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting + ": " + e.getMessage());
            }
        }
        return new AllowList(out);
    }

    /** Does an entry allow a request to {@code host} (as in the URL), {@code port}, landing on {@code address}? */
    public boolean allows(String host, int port, InetAddress address) {
        String h = normalise(host);
        for (Entry e : entries) {
            if (e.port != -1 && e.port != port) {
                continue;
            }
            if (e.host != null && e.host.equals(h)) {
                return true;
            }
            if (e.network != null && contains(e.network, e.prefix, address.getAddress())) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    private static Entry entry(String r) {
        Matcher m = CIDR.matcher(r);
        if (m.matches()) {
            byte[] net = literalAddress(m.group(1), r);
            int prefix = Integer.parseInt(m.group(2));
            if (prefix > net.length * 8) {
                throw bad(r, "the prefix is longer than the address");
            }
            return new Entry(null, net, prefix, -1);
        }
        m = BRACKETED.matcher(r);
        if (m.matches()) {
            byte[] a = literalAddress(m.group(1), r);
            return new Entry(null, a, a.length * 8, port(m.group(2), r));
        }
        if (r.indexOf(':') != r.lastIndexOf(':')) {
            byte[] a = literalAddress(r, r); // a bare IPv6 address
            return new Entry(null, a, a.length * 8, -1);
        }
        m = HOST_PORT.matcher(r);
        if (m.matches()) {
            String host = m.group(1);
            int port = port(m.group(2), r);
            if (IPV4.matcher(host).matches()) {
                byte[] a = literalAddress(host, r);
                return new Entry(null, a, 32, port);
            }
            if (HOST_NAME.matcher(host).matches()) {
                return new Entry(normalise(host), null, 0, port);
            }
        }
        throw bad(r, "write a host, host:port, an IP address, [IPv6]:port or a CIDR");
    }

    private static int port(String digits, String raw) {
        if (digits == null) {
            return -1;
        }
        int p = Integer.parseInt(digits);
        if (p < 1 || p > 65535) {
            throw bad(raw, "ports are 1 to 65535");
        }
        return p;
    }

    /** Parses an address literal without DNS: only digits, dots, colons and hex get here. */
    private static byte[] literalAddress(String text, String raw) {
        if (!text.matches("[0-9a-fA-F:.]+") || !(text.contains(":") || IPV4.matcher(text).matches())) {
            throw bad(raw, "not an IP address");
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (java.net.UnknownHostException e) {
            throw bad(raw, "not an IP address");
        }
    }

    private static boolean contains(byte[] network, int prefix, byte[] address) {
        if (network.length != address.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (network[i] != address[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (network[full] & mask) == (address[full] & mask);
    }

    static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }

    private static IllegalArgumentException bad(String raw, String why) {
        return new IllegalArgumentException("'" + raw + "' is not an entry Hearth reads (" + why + ")");
    }

    private record Entry(String host, byte[] network, int prefix, int port) {
    }
}
