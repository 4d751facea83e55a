package hearth.browser;

import hearth.support.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code hearth.signup.enabled=false} (the PostgreSQL default) the page says so and creates nobody. */
@TestPropertySource(properties = "hearth.signup.enabled=false")
class BrowserSignUpDisabledTest extends BrowserTestBase {

    @Test
    void signUpPageSaysItIsTurnedOffAndOffersNoForm() {
        open("/signup");

        assertThat(alert()).isEqualTo("Sign-up is turned off on this server. Ask its operator for an account.");
        assertThat(findAll(By.id("password"))).isEmpty();
        assertThat(find(By.linkText("Sign in")).getAttribute("href")).endsWith("/login");
    }

    @Test
    void aPostedSignUpIsRefusedAndCreatesNoAccount() {
        Http browser = http();
        String csrf = Http.csrf(browser.get("/login").body());
        HttpResponse<String> posted = browser.postForm("/signup", Map.of("username", "sneaky",
                "password", "a long enough password", "_csrf", csrf));

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("Sign-up is turned off");
        HttpResponse<String> login = browser.postForm("/login", Map.of("username", "sneaky",
                "password", "a long enough password", "_csrf", csrf));
        assertThat(login.headers().firstValue("Location").orElseThrow()).contains("/login?error");
    }
}
