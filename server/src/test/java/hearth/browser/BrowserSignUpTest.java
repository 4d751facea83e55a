package hearth.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up in Chromium: from the login page's link to a signed-in home page. */
class BrowserSignUpTest extends BrowserTestBase {

    @Test
    void signUpFromTheLoginPageThenSignInWithTheNewAccount() {
        String username = "new-" + UUID.randomUUID().toString().substring(0, 8);
        open("/login");
        submitWith(find(By.linkText("Create one")));
        assertThat(path()).isEqualTo("/signup");
        assertThat(heading()).isEqualTo("Create a Hearth account");

        type("username", username);
        type("password", "a long enough password");
        press("Create account");

        assertThat(path()).isEqualTo("/login?signedUp");
        assertThat(status()).contains("Your account is ready");
        signIn(username, "a long enough password");

        assertThat(path()).isEqualTo("/");
        assertThat(find(By.cssSelector("header.site")).getText()).contains("Signed in as " + username);
        assertThat(heading()).isEqualTo("Your homes");
        assertThat(find(By.linkText("Connected apps")).getAttribute("href")).endsWith("/apps");
        assertThat(find(By.linkText("Developer console")).getAttribute("href")).endsWith("/console");
    }

    @Test
    void signUpWithATakenUsernameSaysSoAndKeepsWhatWasTyped() {
        Account existing = account();
        open("/signup");
        type("username", existing.username());
        type("password", "another long password");
        press("Create account");

        assertThat(path()).isEqualTo("/signup");
        assertThat(alert()).contains("the username '" + existing.username() + "' is taken");
        assertThat(find(By.id("username")).getAttribute("value")).isEqualTo(existing.username());
        // The password is never sent back into a page.
        assertThat(find(By.id("password")).getAttribute("value")).isEmpty();
    }

    @Test
    void signUpWithABadUsernameSaysWhatIsAllowed() {
        open("/signup");
        type("username", "no spaces allowed");
        type("password", "a long enough password");
        press("Create account");

        assertThat(alert()).contains("username must be 3 to 100 letters, digits or . _ @ + -");
    }
}
