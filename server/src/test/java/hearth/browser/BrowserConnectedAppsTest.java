package hearth.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** "Connected apps" in Chromium: what an Installation shows, changing its devices, disconnecting it. */
class BrowserConnectedAppsTest extends BrowserTestBase {

    @Test
    void connectedAppsShowsTheAppAndDisconnectingItRevokesItsToken() {
        Fixture f = fixture();
        String token = exchange(f, authorizeInBrowser(f, f.lampId(), f.kitchenId())).get("access_token").asText();
        String uri = endpoint(token).get("uri").asText();
        assertThat(http().get(uri + "/switches", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

        open("/apps");
        assertThat(heading()).isEqualTo("Connected apps");
        WebElement app = find(By.cssSelector("section.connected-app"));
        assertThat(app.findElement(By.tagName("h2")).getText()).isEqualTo("Flow Test");
        assertThat(app.findElement(By.className("location")).getText()).isEqualTo("Home");
        assertThat(app.getText()).contains("Which switches?");
        assertThat(app.findElement(By.className("devices")).getText()).isEqualTo("Lamp, Kitchen");
        assertThat(app.findElement(By.className("last-used")).getText()).endsWith("UTC");

        assertThat(confirm(app, "Disconnect…", "Yes, disconnect Flow Test"))
                .isEqualTo("Disconnect Flow Test from Home? Every token it holds for this home stops working at once, "
                        + "and it runs its uninstall. Connecting it again starts afresh.");

        assertThat(path()).isEqualTo("/apps");
        assertThat(status()).isEqualTo("Flow Test is disconnected; the tokens it held no longer work.");
        assertThat(findAll(By.cssSelector("section.connected-app"))).isEmpty();
        assertThat(find(By.id("no-apps")).getText()).isEqualTo("No app is connected to your homes.");
        HttpResponse<String> endpoints = http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + token);
        assertThat(endpoints.statusCode()).as(endpoints.body()).isEqualTo(401);
    }

    @Test
    void changingDevicesReplacesWhatTheAppReachesAtOnce() {
        Fixture f = fixture();
        String token = exchange(f, authorizeInBrowser(f, f.lampId(), f.kitchenId())).get("access_token").asText();

        open("/apps");
        submitWith(find(By.linkText("Change devices")));
        assertThat(heading()).isEqualTo("Devices Flow Test may use");
        WebElement kitchen = find(By.cssSelector("input[name=switches][value='" + f.kitchenId() + "']"));
        assertThat(kitchen.isSelected()).isTrue();
        kitchen.click();
        find(By.cssSelector("input[name=lock][value='" + f.lockId() + "']")).click();
        press("Save");

        assertThat(path()).isEqualTo("/apps");
        assertThat(status()).isEqualTo("Flow Test now reaches the devices you chose.");
        assertThat(find(By.cssSelector("section.connected-app")).getText()).contains("Which lock?");
        assertThat(findAll(By.className("devices"))).extracting(WebElement::getText)
                .containsExactly("Lamp", "Door Lock");
        // The same token now reaches only the lamp among the switches.
        String uri = endpoint(token).get("uri").asText();
        JsonNode switches = json(http().get(uri + "/switches", "Authorization", "Bearer " + token));
        assertThat(switches.findValuesAsString("name")).containsExactly("Lamp");
    }

    @Test
    void changingDevicesToNoneOfARequiredInputSaysWhyAndKeepsTheOldChoice() {
        Fixture f = fixture();
        authorizeInBrowser(f, f.lampId());

        open("/apps");
        submitWith(find(By.linkText("Change devices")));
        find(By.cssSelector("input[name=switches][value='" + f.lampId() + "']")).click();
        press("Save");

        assertThat(alert()).isEqualTo("choose at least one device for 'Which switches?'");
        open("/apps");
        assertThat(find(By.className("devices")).getText()).isEqualTo("Lamp");
    }

    @Test
    void anotherAccountsInstallationCannotBeOpenedOrDisconnected() {
        Fixture owner = fixture();
        authorizeInBrowser(owner, owner.lampId());
        String installationId = json(http().get("/api/installations", "Authorization", owner.basic()))
                .get(0).get("id").asText();

        Account other = account();
        browser.manage().deleteAllCookies();
        open("/apps/" + installationId + "/devices");
        signIn(other.username(), other.password());

        assertThat(heading()).isEqualTo("That can't be done");
        assertThat(alert()).isEqualTo("you have no Installation with id " + installationId);
        open("/apps");
        assertThat(findAll(By.cssSelector("section.connected-app"))).isEmpty();
    }

    private JsonNode endpoint(String token) {
        HttpResponse<String> response = http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get(0);
    }
}
