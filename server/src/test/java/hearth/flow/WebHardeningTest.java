package hearth.flow;

import hearth.support.Http;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSRF and trusted proxies over real HTTP. A server of its own: the throttle test leaves the
 * loopback address throttled for a while, so it runs last and shares the server with nobody else.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebHardeningTest extends HearthTestBase {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("web-hardening");
        registry.add("hearth.data-dir", () -> dir);
    }

    @Test
    @Order(1)
    void csrfIsCheckedWhenTheSessionCookieAuthenticatesWhateverAuthorizationHeaderComesWithIt() {
        Fixture f = fixture();
        Http browser = http();
        HttpResponse<String> login = browser.get("/login");
        HttpResponse<String> signedIn = browser.postForm("/login", Map.of("username", f.username(), "password",
                f.password(), "_csrf", Http.csrf(login.body())));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/locations").statusCode()).as("the session authenticates").isEqualTo(200);

        // A bearer (or any non-Basic) Authorization header does not authenticate the management API:
        // the cookie does, so the request needs the CSRF token like any other cookie request.
        HttpResponse<String> forged = browser.postJson("/api/locations", Map.of("name", "Forged"),
                "Authorization", "Bearer not-a-token");
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(forged.body()).contains("CSRF");
        HttpResponse<String> garbage = browser.postJson("/api/locations", Map.of("name", "Forged"),
                "Authorization", "Negotiate abc");
        assertThat(garbage.statusCode()).isEqualTo(403);
        assertThat(browser.get("/api/locations").body()).doesNotContain("Forged");

        // HTTP Basic authenticates by itself (a wrong password is refused, never the session's account).
        HttpResponse<String> wrong = browser.postJson("/api/locations", Map.of("name", "Wrong"),
                "Authorization", Http.basic(f.username(), "wrong"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> basic = http().postJson("/api/locations", Map.of("name", "Scripted"),
                "Authorization", f.basic());
        assertThat(basic.statusCode()).as(basic.body()).isEqualTo(201);
    }

    @Test
    @Order(2)
    void theLoginThrottleCountsTheConnectingAddressNotXForwardedFor() {
        // With Tomcat's default trusted proxies (every loopback and private address), each attempt
        // below would count for the address it names, and none would ever be throttled.
        int refusedBeforeChecking = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> failed = http().get("/api/locations", "Authorization",
                    Http.basic("nobody-" + UUID.randomUUID(), "guess"), "X-Forwarded-For", "203.0.113." + (i + 1));
            assertThat(failed.statusCode()).isIn(401, 429);
            refusedBeforeChecking += failed.statusCode() == 429 ? 1 : 0;
        }
        assertThat(refusedBeforeChecking).as("the earlier test's failure counts for the same address").isLessThan(3);
        HttpResponse<String> throttled = http().get("/api/locations", "Authorization",
                Http.basic("nobody-" + UUID.randomUUID(), "guess"), "X-Forwarded-For", "198.51.100.7");
        assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
        assertThat(throttled.body()).contains("too_many_attempts");
    }
}
