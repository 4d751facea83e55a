package hearth.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The developer console's live logging in Chromium (issue 12): a test call of the developer's own
 * Installation answers beside the lines it wrote; the live log (the page reading the SSE stream)
 * shows lines as calls write them, as text, filtered and paused; a reference id leads to the line.
 */
class BrowserLiveLoggingTest extends BrowserTestBase {
    private static final String SOURCE = resource("apps/app-log-stream.groovy");
    private static final String MARKUP = "<b>bold</b>";

    private void waitFor(String what, java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> until) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(what).until(until);
    }

    private String live() {
        return find(By.id("log-lines")).getText();
    }

    private void say(String uri, String token, String text) {
        assertThat(http().get(uri + "/say/" + text, "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
    }

    @Test
    void aTestCallShowsTheAnswerAndTheLinesItWroteAndTheLiveLogFollows() {
        Fixture f = fixture(SOURCE);
        String token = exchange(f, authorizeInBrowser(f, f.lampId())).get("access_token").asText();
        String uri = json(http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + token)).get(0)
                .get("uri").asText();

        open("/console/apps/" + f.appId());
        submitWith(find(By.id("live-logging")));
        assertThat(heading()).isEqualTo("Live logging · Streaming Log App");
        waitFor("the live log shows the installed() line", d -> live().contains("installed() ran"));
        assertThat(find(By.id("log-state")).getText()).isEqualTo("Live");

        // a test call: the answer, its headers, and the lines it wrote, app strings as text
        new Select(find(By.id("call-method"))).selectByVisibleText("POST");
        type("call-path", "/echo");
        type("call-body", "{\"name\": \"" + MARKUP + "\"}");
        press("Send test call");
        assertThat(find(By.id("test-status")).getText()).isEqualTo("201");
        assertThat(find(By.id("test-headers")).getText()).contains("Content-Type").contains("application/json")
                .contains("X-RateLimit-Limit");
        assertThat(find(By.id("test-body")).getText()).contains("\"hello\"").contains(MARKUP);
        assertThat(find(By.id("test-lines")).getText()).contains("echoing " + MARKUP);
        assertThat(findAll(By.cssSelector("#test-lines b, #test-body b"))).isEmpty();
        // the live log has it too, as text
        waitFor("the live log shows the test call's line", d -> live().contains("echoing " + MARKUP));
        assertThat(findAll(By.cssSelector("#log-lines b"))).isEmpty();
        assertThat(find(By.cssSelector("#log-lines li.log-debug")).getText()).contains("DEBUG");

        // a call from elsewhere while the page is open arrives live
        say(uri, token, "live");
        waitFor("a line written while the page is open", d -> live().contains("said live"));

        // paused, nothing is shown; resumed, what came meanwhile is, once
        find(By.id("log-pause")).click();
        waitFor("paused", d -> "Paused".equals(find(By.id("log-state")).getText()));
        say(uri, token, "meanwhile");
        assertThat(live()).doesNotContain("said meanwhile");
        find(By.id("log-pause")).click();
        waitFor("resumed with what came meanwhile", d -> live().contains("said meanwhile"));
        assertThat(live().split("said meanwhile", -1)).hasSize(2);

        // a failing test call, then the live log filtered to warn and above
        say(uri, token, "quietly");
        type("call-path", "/fail");
        new Select(find(By.id("call-method"))).selectByVisibleText("GET");
        find(By.id("call-body")).clear();
        press("Send test call");
        assertThat(find(By.id("test-status")).getText()).isEqualTo("500");
        assertThat(find(By.id("test-body")).getText()).contains("\"error\"").contains("IllegalStateException")
                .contains("\"reference\"");
        List<WebElement> written = findAll(By.cssSelector("#test-lines li"));
        assertThat(written).extracting(WebElement::getText).anyMatch(t -> t.contains("about to fail"))
                .anyMatch(t -> t.contains("IllegalStateException: the lamp is on fire"));

        new Select(find(By.id("log-level"))).selectByValue("warn");
        waitFor("the failure in the filtered live log", d -> live().contains("the lamp is on fire"));
        assertThat(findAll(By.cssSelector("#log-lines li"))).allSatisfy(li ->
                assertThat(li.getAttribute("class")).isIn("log-warn", "log-error"));
        assertThat(live()).doesNotContain("said quietly");

        // the reference: from the line's link, and from the search box
        WebElement link = find(By.cssSelector("#test-lines li.log-error a"));
        String reference = link.getText();
        submitWith(link);
        assertThat(find(By.id("failure-type")).getText()).isEqualTo("IllegalStateException");
        assertThat(find(By.id("failure-message")).getText()).isEqualTo("the lamp is on fire");
        assertThat(find(By.id("failure-line")).getText()).isEqualTo(Integer.toString(lineOf("on fire")));
        open("/console/apps/" + f.appId() + "/logs");
        type("reference", "  " + reference + " ");
        press("Look up");
        assertThat(path()).isEqualTo("/console/apps/" + f.appId() + "/errors/" + reference);
        assertThat(find(By.id("failure-type")).getText()).isEqualTo("IllegalStateException");
    }

    @Test
    void anotherAccountGetsNoLiveLoggingAndCannotCallTheApp() {
        Fixture f = fixture(SOURCE);
        authorizeInBrowser(f, f.lampId());
        browser.manage().deleteAllCookies();
        Account other = account();
        open("/console/apps/" + f.appId() + "/logs");
        signIn(other.username(), other.password());
        assertThat(find(By.tagName("main")).getText()).contains("you have no SmartApp with id");
        assertThat(findAll(By.id("test-call-form"))).isEmpty();
    }

    private static int lineOf(String text) {
        String[] lines = SOURCE.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    private static tools.jackson.databind.JsonNode json(java.net.http.HttpResponse<String> response) {
        return hearth.support.Http.json(response);
    }
}
