package hearth.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Installation's own pages on Connected apps in Chromium (issue 17): the token the app made on
 * its page is shown and works, the app's text is escaped, a non-web link is not a link, a settings
 * change runs updated(), and another account gets 404.
 */
class BrowserAppPagesTest extends BrowserTestBase {

    @Test
    void thePageShowsTheTokenTheAppMadeAndSavingItRunsUpdated() {
        Fixture f = fixture(resource("apps/pages-test.groovy"));
        authorizeInBrowser(f);

        open("/apps");
        submitWith(find(By.linkText("Open its pages")));
        assertThat(heading()).isEqualTo("Pages Test: Copy into your client");
        WebElement token = find(By.xpath("//p[contains(@class,'paragraph')][strong='Token']/span"));
        assertThat(token.getText()).isNotBlank();
        String url = find(By.cssSelector("code.url")).getText();
        assertThat(url).startsWith(base() + "/api/smartapps/installations/").endsWith("access_token=" + token.getText());
        WebElement link = find(By.linkText("Config"));
        assertThat(link.getAttribute("href")).isEqualTo(url);
        assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");
        // the app's own text is text: no script ran, no javascript: link exists
        assertThat(find(By.tagName("main")).getText()).contains("<script>window.hacked = true</script>");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return window.hacked === undefined")).isEqualTo(true);
        assertThat(findAll(By.cssSelector("a[href^='javascript']"))).isEmpty();

        // What the page shows is what the client needs: the URL with the token answers.
        HttpResponse<String> config = http().get(url.substring(base().length()));
        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
        assertThat(json(config).get("greeting").isNull()).isTrue();

        // Shown again, not made again
        String first = token.getText();
        open(path());
        assertThat(find(By.xpath("//p[contains(@class,'paragraph')][strong='Token']/span")).getText())
                .isEqualTo(first);

        submitWith(find(By.linkText("Options")));
        assertThat(heading()).isEqualTo("Pages Test: Options");
        type("v-greeting", "Hello <b>you</b>");
        find(By.cssSelector("input[name=switches][value='" + f.lampId() + "']")).click();
        press("Save");
        assertThat(status()).isEqualTo("Saved; Pages Test has its new settings.");
        assertThat(find(By.id("v-greeting")).getAttribute("value")).isEqualTo("Hello <b>you</b>");

        JsonNode after = json(http().get(url.substring(base().length())));
        assertThat(after.get("greeting").asText()).isEqualTo("Hello <b>you</b>");
        assertThat(after.get("switches").asInt()).isEqualTo(1);
        open("/apps");
        submitWith(find(By.linkText("Open its pages")));
        assertThat(find(By.xpath("//p[contains(@class,'paragraph')][strong='updated() saw']/span")).getText())
                .isEqualTo("Hello <b>you</b>");
    }

    @Test
    void anotherAccountsInstallationPageIsNotFound() {
        Fixture f = fixture(resource("apps/pages-test.groovy"));
        authorizeInBrowser(f);
        open("/apps");
        submitWith(find(By.linkText("Open its pages")));
        String page = path();
        open(page.replace("/page", "/pages/nope"));
        assertThat(find(By.tagName("main")).getText()).contains("the app has no page nope");
        press("Sign out");
        Account other = account();
        open(page);
        signIn(other.username(), other.password());
        assertThat(path()).startsWith(page);
        assertThat(find(By.tagName("main")).getText()).contains("you have no Installation with id")
                .doesNotContain("Pages Test");
        HttpResponse<String> theirs = http().get(page, "Authorization", other.basic());
        assertThat(theirs.statusCode()).as("pages are not for Basic clients").isNotEqualTo(200);
    }
}
