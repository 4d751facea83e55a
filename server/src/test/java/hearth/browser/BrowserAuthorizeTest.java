package hearth.browser;

import hearth.support.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The classic authorize flow in Chromium: sign in, pick devices, allow or deny, land on the redirect URI. */
class BrowserAuthorizeTest extends BrowserTestBase {

    @Test
    void authorizeSignsInPicksDevicesAndLandsOnTheRedirectUriWithACode() {
        Fixture f = fixture();
        open(authorizePath(f.clientId(), f.redirectUri(), "xyz"));
        assertThat(path()).isEqualTo("/login");
        signIn(f.username(), f.password());

        // Only one Location fits, so the device page comes straight after signing in.
        assertThat(heading()).isEqualTo("Flow Test wants access to your home");
        assertThat(find(By.className("whoami")).getText()).contains("Signed in as " + f.username());
        assertThat(find(By.tagName("main")).getText()).contains("Location: Home")
                .contains("Which switches?").contains("Lamp").contains("Kitchen").contains("Door Lock");
        find(By.cssSelector("input[name=switches][value='" + f.lampId() + "']")).click();
        find(By.cssSelector("input[name=switches][value='" + f.kitchenId() + "']")).click();
        press("Allow");

        assertThat(browser.getCurrentUrl()).startsWith(f.redirectUri() + "?");
        assertThat(Http.query(browser.getCurrentUrl())).containsEntry("state", "xyz").containsKey("code");
        assertThat(heading()).isEqualTo("Demo app: callback");
        String code = find(By.id("code")).getText();
        assertThat(Http.query(browser.getCurrentUrl())).containsEntry("code", code);
        JsonNode token = exchange(f, code);
        assertThat(token.get("access_token").asText()).isNotBlank();
    }

    @Test
    void allowWithoutTheRequiredDevicesShowsWhyAndStaysOnThePage() {
        Fixture f = fixture();
        open(authorizePath(f.clientId(), f.redirectUri(), "xyz"));
        signIn(f.username(), f.password());
        press("Allow");

        assertThat(path()).startsWith("/oauth/authorize");
        assertThat(alert()).contains("choose at least one device for 'Which switches?'");
    }

    @Test
    void denySendsAccessDeniedToTheRedirectUri() {
        Fixture f = fixture();
        open(authorizePath(f.clientId(), f.redirectUri(), "abc"));
        signIn(f.username(), f.password());
        press("Deny");

        assertThat(browser.getCurrentUrl()).startsWith(f.redirectUri() + "?");
        assertThat(Http.query(browser.getCurrentUrl())).containsEntry("error", "access_denied")
                .containsEntry("state", "abc").doesNotContainKey("code");
        assertThat(alert()).contains("access_denied");
        assertThat(findAll(By.id("code"))).isEmpty();
    }
}
