package hearth.engine.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Addresses a SmartApp must not reach unless the operator allows them: everything that is not the
 * public internet. An app's author chooses the URL, so without this an app could read the
 * server's own admin ports, the LAN, or a cloud metadata service (169.254.169.254) that hands
 * out credentials. IPv6 forms that embed an IPv4 address (mapped, compatible, 6to4, NAT64) are
 * judged by the IPv4 address inside.
 */
public final class ForbiddenAddresses {
    private ForbiddenAddresses() {
    }

    /** Why {@code address} is refused (e.g. "loopback"), or null when it is a public address. */
    public static String reason(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return reasonV4(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            return reasonV6(v6);
        }
        return "not an IP address";
    }

    private static String reasonV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 0) {
            return "'this network' (0.0.0.0/8)";
        }
        if (b0 == 127) {
            return "loopback";
        }
        if (b0 == 10 || b0 == 172 && (b1 & 0xf0) == 16 || b0 == 192 && b1 == 168) {
            return "private";
        }
        if (b0 == 169 && b1 == 254) {
            return "link-local (cloud metadata lives here)";
        }
        if (b0 == 100 && (b1 & 0xc0) == 64) {
            return "carrier-grade NAT (100.64.0.0/10)";
        }
        if (b0 == 192 && b1 == 0 && b2 == 0) {
            return "IETF protocol assignments (192.0.0.0/24)";
        }
        if (b0 == 198 && (b1 & 0xfe) == 18) {
            return "benchmarking (198.18.0.0/15)";
        }
        if (b0 >= 224 && b0 <= 239) {
            return "multicast";
        }
        if (b0 >= 240) {
            return "reserved or broadcast";
        }
        return null;
    }

    private static String reasonV6(Inet6Address v6) {
        byte[] a = v6.getAddress();
        if (v6.isAnyLocalAddress()) {
            return "unspecified (::)";
        }
        if (v6.isLoopbackAddress()) {
            return "loopback";
        }
        if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0x80) {
            return "link-local";
        }
        if ((a[0] & 0xff) == 0xfe && (a[1] & 0xc0) == 0xc0) {
            return "site-local";
        }
        if ((a[0] & 0xfe) == 0xfc) {
            return "unique local (fc00::/7)";
        }
        if ((a[0] & 0xff) == 0xff) {
            return "multicast";
        }
        byte[] embedded = embeddedV4(a);
        if (embedded != null) {
            String inner = reasonV4(embedded);
            return inner == null ? null : inner + " (inside an IPv6 address)";
        }
        return null;
    }

    /** The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d or 2002:aabb:ccdd::. */
    private static byte[] embeddedV4(byte[] a) {
        boolean firstTenZero = Arrays.equals(Arrays.copyOfRange(a, 0, 10), new byte[10]);
        if (firstTenZero && ((a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff || a[10] == 0 && a[11] == 0)) {
            return Arrays.copyOfRange(a, 12, 16);
        }
        if (a[0] == 0 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b) {
            return Arrays.copyOfRange(a, 12, 16);
        }
        if ((a[0] & 0xff) == 0x20 && a[1] == 0x02) {
            return Arrays.copyOfRange(a, 2, 6);
        }
        return null;
    }

    /** For tests and messages: the address of a literal, without any DNS lookup. */
    static InetAddress literal(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
