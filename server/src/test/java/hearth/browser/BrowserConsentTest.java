package hearth.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Consent that can be trusted, in Chromium: who asks, going back, and allowing again without a twin. */
class BrowserConsentTest extends BrowserTestBase {

    @Test
    void aLookAlikeAppShowsAnotherPublisherAndAnotherRedirectHost() {
        Fixture f = fixture();
        Account impostor = account();
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("source", resource("apps/flow-test.groovy"));
        registration.put("redirectUris", List.of("https://flow-test.example.net/callback"));
        registration.put("servers", List.of("*"));
        HttpResponse<String> registered = http().postJson("/api/smartapps", registration, "Authorization",
                impostor.basic());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String lookAlike = json(registered).get("clientId").asText();

        open(authorizePath(f.clientId(), f.redirectUri(), "a"));
        signIn(f.username(), f.password());
        assertThat(heading()).isEqualTo("Flow Test wants access to your home");
        assertThat(find(By.id("publisher")).getText()).isEqualTo("the Hearth account " + f.username());
        assertThat(find(By.id("redirect-host")).getText()).isEqualTo("localhost:" + port);
        assertThat(find(By.id("namespace")).getText()).isEqualTo("hearth.test");
        assertThat(find(By.id("description")).getText()).isEqualTo("Exercises the classic installation API");

        open(authorizePath(lookAlike, "https://flow-test.example.net/callback", "b"));
        assertThat(heading()).isEqualTo("Flow Test wants access to your home");
        assertThat(find(By.id("publisher")).getText()).isEqualTo("the Hearth account " + impostor.username());
        assertThat(find(By.id("redirect-host")).getText()).isEqualTo("flow-test.example.net");
    }

    @Test
    void backFromTheDevicesLeadsToTheLocationsAndAllowingAgainKeepsOneInstallation() {
        Fixture f = fixture();
        HttpResponse<String> cabin = http().postJson("/api/locations", Map.of("name", "Cabin"), "Authorization",
                f.basic());
        assertThat(cabin.statusCode()).isEqualTo(201);

        open(authorizePath(f.clientId(), f.redirectUri(), "a"));
        signIn(f.username(), f.password());
        find(By.cssSelector("input[name=location][value='" + f.locationId() + "']")).click();
        press("Next");
        assertThat(find(By.id("location-name")).getText()).isEqualTo("Home");
        press("Back to Locations");
        assertThat(find(By.tagName("legend")).getText()).isEqualTo("Which Location?");
        find(By.cssSelector("input[name=location][value='" + f.locationId() + "']")).click();
        press("Next");
        find(By.cssSelector("input[value='" + f.lampId() + "']")).click();
        press("Allow");
        String firstToken = exchange(f, code()).get("access_token").asText();

        // The same app, the same Location: the page offers to update the connection, with its devices ticked.
        open(authorizePath(f.clientId(), f.redirectUri(), "b"));
        find(By.cssSelector("input[name=location][value='" + f.locationId() + "']")).click();
        press("Next");
        WebElement update = find(By.cssSelector("fieldset.existing input[name=installation]:checked"));
        assertThat(update.getAttribute("value")).isNotEqualTo("new");
        assertThat(find(By.cssSelector("input[value='" + f.lampId() + "']")).isSelected()).isTrue();
        find(By.cssSelector("input[value='" + f.kitchenId() + "']")).click();
        press("Allow");
        String secondToken = exchange(f, code()).get("access_token").asText();

        JsonNode installations = json(http().get("/api/installations", "Authorization", f.basic()));
        assertThat(installations.size()).isEqualTo(1);
        assertThat(http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + firstToken).statusCode())
                .isEqualTo(401);
        assertThat(http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + secondToken).statusCode())
                .isEqualTo(200);
        open("/apps");
        assertThat(findAll(By.cssSelector("section.connected-app"))).hasSize(1);
        assertThat(find(By.className("devices")).getText()).isEqualTo("Lamp, Kitchen");

        // A second one, on purpose.
        open(authorizePath(f.clientId(), f.redirectUri(), "c"));
        find(By.cssSelector("input[name=location][value='" + f.locationId() + "']")).click();
        press("Next");
        find(By.cssSelector("input[name=installation][value=new]")).click();
        press("Allow");
        exchange(f, code());
        assertThat(json(http().get("/api/installations", "Authorization", f.basic())).size()).isEqualTo(2);
    }

    private String code() {
        assertThat(browser.getCurrentUrl()).contains("/demo/callback?");
        return hearth.support.Http.query(browser.getCurrentUrl()).get("code");
    }
}
