package hearth.browser;

import hearth.support.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modern API's pages in Chromium: the consent page of an API-only client saying what each
 * scope it asks for means, and the Access tokens page (a token shown once, listed with its last
 * use, revoked).
 */
class BrowserModernApiTest extends BrowserTestBase {

    @Test
    void theConsentPageSaysWhatEachScopeMeansAndTheTokenGetsExactlyThose() {
        Fixture f = fixture();
        List<String> scopes = List.of("r:locations:*", "r:devices:*", "x:devices:" + f.lampId());
        HttpResponse<String> registered = http().postJson("/api/api-clients", Map.of("name", "Homebridge (test)",
                "redirectUris", List.of(f.redirectUri()), "scopes", scopes), "Authorization", f.basic());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String clientId = json(registered).get("clientId").asText();
        String clientSecret = json(registered).get("clientSecret").asText();

        open("/oauth/authorize?response_type=code&client_id=" + Http.encode(clientId) + "&redirect_uri="
                + Http.encode(f.redirectUri()) + "&state=s&scope=" + Http.encode(String.join(" ", scopes)));
        signIn(f.username(), f.password());
        assertThat(heading()).isEqualTo("Homebridge (test) wants access to your home");
        if (!findAll(By.cssSelector("input[type=radio][name=location]")).isEmpty()) {
            find(By.cssSelector("input[name=location][value='" + f.locationId() + "']")).click();
            press("Next");
        }
        assertThat(find(By.id("location-name")).getText()).isEqualTo("Home");
        List<String> shown = findAll(By.cssSelector("#scopes li")).stream().map(WebElement::getText).toList();
        assertThat(shown).containsExactly(
                "see your Locations: their names and time zones (r:locations:*)",
                "see every device in them and its state (on or off, level, locked, readings) (r:devices:*)",
                "control the device 'Lamp' (x:devices:" + f.lampId() + ")");
        assertThat(find(By.id("scopes")).getText()).contains("can't reach your other Locations");
        press("Allow");
        assertThat(browser.getCurrentUrl()).startsWith(f.redirectUri() + "?");
        HttpResponse<String> tokens = http().postForm("/oauth/token", Map.of("grant_type", "authorization_code",
                "code", Http.query(browser.getCurrentUrl()).get("code"), "client_id", clientId,
                "client_secret", clientSecret, "redirect_uri", f.redirectUri()));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(json(tokens).get("scope").asText()).isEqualTo(String.join(" ", scopes));
        String token = json(tokens).get("access_token").asText();
        assertThat(http().get("/v1/devices/" + f.kitchenId() + "/status", "Authorization", "Bearer " + token)
                .statusCode()).isEqualTo(200);
        assertThat(http().postJson("/v1/devices/" + f.kitchenId() + "/commands", Map.of("commands", List.of(
                Map.of("capability", "switch", "command", "on"))), "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aPersonalTokenIsShownOnceListedWithItsLastUseAndRevoked() {
        Fixture f = fixture();
        open("/tokens");
        signIn(f.username(), f.password());
        assertThat(heading()).isEqualTo("Access tokens");
        assertThat(find(By.id("no-tokens")).getText()).isEqualTo("You have no personal access token.");
        type("token-name", "lights script");
        find(By.cssSelector("input[name=scopes][value='r:devices:*']")).click();
        find(By.cssSelector("input[name=scopes][value='x:devices:*']")).click();
        WebElement meaning = find(By.xpath("//input[@value='x:devices:*']/.."));
        assertThat(meaning.getText()).contains("control every device");
        new Select(find(By.id("token-days"))).selectByVisibleText("7 days");
        press("Create token");

        assertThat(find(By.id("created-title")).getText()).isEqualTo("Your new token lights script");
        assertThat(find(By.id("created-token")).getText()).contains("shown this once");
        String token = find(By.id("token-value")).getText();
        assertThat(token).startsWith("hpat_");
        WebElement row = find(By.cssSelector("#tokens tbody tr"));
        assertThat(row.getText()).contains("lights script").contains("r:devices:* x:devices:*");
        assertThat(row.findElement(By.className("last-used")).getText()).isEqualTo("never");
        assertThat(row.findElement(By.className("status")).getText()).isEqualTo("active");

        JsonNode devices = json(http().get("/v1/devices", "Authorization", "Bearer " + token));
        assertThat(devices.get("items")).hasSize(3);
        open("/tokens");
        assertThat(findAll(By.id("token-value"))).as("the token is shown only once").isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(token);
        row = find(By.cssSelector("#tokens tbody tr"));
        assertThat(row.findElement(By.className("last-used")).getText()).isNotEqualTo("never").isNotBlank();

        assertThat(confirm(row, "Revoke…", "Yes, revoke lights script"))
                .isEqualTo("Revoke lights script? Scripts using it stop working at once.");
        assertThat(status()).isEqualTo("The token is revoked; it no longer works.");
        row = find(By.cssSelector("#tokens tbody tr"));
        assertThat(row.findElement(By.className("status")).getText()).isEqualTo("revoked");
        assertThat(row.findElements(By.xpath(".//summary"))).isEmpty();
        assertThat(http().get("/v1/devices", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }
}
