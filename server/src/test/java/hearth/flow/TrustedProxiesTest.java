package hearth.flow;

import hearth.support.Http;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unguarded mechanism behind {@link WebHardeningTest}'s throttle test: a server that trusts
 * loopback as a proxy, as Tomcat's default {@code internal-proxies} does (it trusts every loopback
 * and private address). There a client that names a new address in {@code X-Forwarded-For} with
 * each guess is never throttled — which is why Hearth trusts no proxy unless the operator names it.
 * And what the setting is for: behind a proxy the operator trusts, the address it forwards is the
 * one the throttle counts.
 */
class TrustedProxiesTest extends HearthTestBase {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("trusted-proxies");
        registry.add("hearth.data-dir", () -> dir);
        // the loopback part of Tomcat's default; the test client connects from loopback
        registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|0:0:0:0:0:0:0:1|::1");
    }

    @Test
    void aTrustedProxysForwardedAddressIsWhatTheThrottleCounts() {
        // the hole when loopback is trusted by default: a new forwarded address per guess, never throttled
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> guess = http().get("/api/locations", "Authorization",
                    Http.basic("nobody-" + UUID.randomUUID(), "guess"), "X-Forwarded-For", "203.0.113." + (i + 1));
            assertThat(guess.statusCode()).as("guess " + i).isEqualTo(401);
        }
        // one client behind the trusted proxy: its own address is throttled
        int throttled = 0;
        for (int i = 0; i < 25; i++) {
            HttpResponse<String> guess = http().get("/api/locations", "Authorization",
                    Http.basic("nobody-" + UUID.randomUUID(), "guess"), "X-Forwarded-For", "198.51.100.7");
            throttled += guess.statusCode() == 429 ? 1 : 0;
        }
        assertThat(throttled).as("the forwarded client is throttled after its failures").isGreaterThan(0);
        HttpResponse<String> other = http().get("/api/locations", "Authorization",
                Http.basic("nobody-" + UUID.randomUUID(), "guess"), "X-Forwarded-For", "198.51.100.8");
        assertThat(other.statusCode()).as("another client behind the same proxy is not").isEqualTo(401);
    }
}
