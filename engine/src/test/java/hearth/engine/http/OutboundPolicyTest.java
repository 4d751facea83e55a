package hearth.engine.http;

import hearth.engine.OutboundSettings;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The address rules, with names resolved by a table instead of DNS. */
class OutboundPolicyTest {
    static final Map<String, String[]> DNS = Map.of(
            "public.example", new String[] {"93.184.216.34"},
            "rebind.example", new String[] {"93.184.216.34", "127.0.0.1"},
            "metadata.example", new String[] {"169.254.169.254"},
            "nas.lan", new String[] {"192.168.1.20"},
            "v6.example", new String[] {"2606:4700::1111"});

    static OutboundPolicy policy(String... allow) {
        return new OutboundPolicy(OutboundSettings.defaults().withAllow(List.of(allow)), host -> {
            String[] found = DNS.get(host);
            if (found == null) {
                return new InetAddress[] {InetAddress.getByName(host)}; // literals only in these tests
            }
            InetAddress[] out = new InetAddress[found.length];
            for (int i = 0; i < found.length; i++) {
                out[i] = InetAddress.getByName(found[i]);
            }
            return out;
        });
    }

    @Test
    void publicAddressesPassAndTheConnectionGoesToTheCheckedAddress() throws Exception {
        OutboundPolicy.Target t = policy().check(URI.create("https://public.example/x"));
        assertThat(t.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(t.host()).isEqualTo("public.example");
        assertThat(t.port()).isEqualTo(443);
        assertThat(policy().check(URI.create("http://v6.example:8080/")).port()).isEqualTo(8080);
    }

    @Test
    void everyAddressOfANameMustPass() {
        assertThatThrownBy(() -> policy().check(URI.create("http://rebind.example/")))
                .isInstanceOf(OutboundRequestRefusedException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> policy().check(URI.create("http://metadata.example/")))
                .hasMessageContaining("link-local");
    }

    @Test
    void forbiddenRanges() throws Exception {
        for (String a : List.of("127.0.0.1", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1", "169.254.169.254",
                "100.64.0.1", "100.127.255.255", "0.0.0.0", "0.1.2.3", "224.0.0.1", "255.255.255.255", "::1", "::",
                "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "64:ff9b::a00:1", "2002:7f00:1::",
                "::127.0.0.1", "192.0.0.8", "198.18.0.1")) {
            assertThat(ForbiddenAddresses.reason(InetAddress.getByName(a))).as(a).isNotNull();
        }
        for (String a : List.of("8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2606:4700::1111", "1.1.1.1")) {
            assertThat(ForbiddenAddresses.reason(InetAddress.getByName(a))).as(a).isNull();
        }
    }

    @Test
    void allowListForms() throws Exception {
        assertThat(policy("nas.lan").check(URI.create("http://nas.lan:5000/")).address().getHostAddress())
                .isEqualTo("192.168.1.20");
        assertThat(policy("NAS.lan:5000").check(URI.create("http://nas.lan:5000/")).port()).isEqualTo(5000);
        assertThatThrownBy(() -> policy("nas.lan:5000").check(URI.create("http://nas.lan:22/")))
                .isInstanceOf(OutboundRequestRefusedException.class);
        assertThat(policy("192.168.1.0/24").check(URI.create("http://nas.lan/")).port()).isEqualTo(80);
        assertThatThrownBy(() -> policy("192.168.2.0/24").check(URI.create("http://nas.lan/")))
                .isInstanceOf(OutboundRequestRefusedException.class);
        assertThat(policy("[::1]:8080").check(URI.create("http://[::1]:8080/")).port()).isEqualTo(8080);
        assertThat(policy("fd00::/8").check(URI.create("http://[fd00::5]/")).host()).isEqualTo("fd00::5");
        assertThat(policy("127.0.0.1").check(URI.create("http://127.0.0.1:1234/")).port()).isEqualTo(1234);
        // allowing an address doesn't allow a name that merely includes it among others
        assertThatThrownBy(() -> policy("nas.lan").check(URI.create("http://rebind.example/")))
                .isInstanceOf(OutboundRequestRefusedException.class);
    }

    @Test
    void aSlowLookupEndsAtTheDeadline() {
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        OutboundPolicy slow = new OutboundPolicy(OutboundSettings.defaults(), host -> {
            try {
                never.await(); // a resolver that never answers (it ignores interrupts in real life)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        });
        long start = System.nanoTime();
        assertThatThrownBy(() -> slow.check(URI.create("http://slow.example/"), System.nanoTime() + 300_000_000L))
                .isInstanceOf(java.net.SocketTimeoutException.class).hasMessageContaining("DNS lookup");
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
        slow.close();
    }

    @Test
    void badEntriesAreReportedAtStart() {
        for (String bad : List.of("http://x", "10.0.0.0/33", "host:99999", "a b", "[zz]:1", "1.2.3.4/x")) {
            assertThatThrownBy(() -> AllowList.parse(List.of(bad))).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hearth.outbound.allow");
        }
    }

    @Test
    void schemesUserInfoAndUnknownHosts() {
        assertThatThrownBy(() -> policy().check(URI.create("gopher://public.example/")))
                .hasMessageContaining("only http and https");
        assertThatThrownBy(() -> policy().check(URI.create("http://u:p@public.example/")))
                .hasMessageContaining("Authorization");
        OutboundPolicy p = new OutboundPolicy(OutboundSettings.defaults(), host -> {
            throw new UnknownHostException(host);
        });
        assertThatThrownBy(() -> p.check(URI.create("http://nowhere.example/"))).isInstanceOf(UnknownHostException.class);
        OutboundPolicy off = new OutboundPolicy(new OutboundSettings(false, List.of(), OutboundSettings.DEFAULT_TIMEOUT,
                1024, 1), host -> new InetAddress[0]);
        assertThatThrownBy(() -> off.check(URI.create("http://public.example/"))).hasMessageContaining("turned off");
    }
}
