package hearth.browser;

import hearth.account.AccountService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page on a 360×800 phone: nothing scrolls sideways, nothing that takes a tap is smaller
 * than 24 px (WCAG 2.2, 2.5.8; inline links in a sentence are exempt from the height), with
 * every disclosure closed and then open. Screenshots land in target/screenshots.
 */
class BrowserPhoneTest extends BrowserTestBase {
    @Autowired
    AccountService accounts;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    // Everything that takes a click, visible, and smaller than 24 px: wide enough, and tall enough
    // unless it is a link inside running text.
    private static final String SMALL_TARGETS = """
            const small = [];
            for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
              const r = e.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              const inline = e.tagName === 'A' && getComputedStyle(e).display === 'inline';
              if (r.width < 24 || (!inline && r.height < 24)) {
                small.push(e.tagName.toLowerCase() + ' "' + (e.textContent || e.name || e.id).trim().slice(0, 40)
                    + '" ' + Math.round(r.width) + 'x' + Math.round(r.height));
              }
            }
            return small;""";

    @AfterEach
    void desktop() {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @Test
    void everyPageFitsA360PixelPhoneWithTargetsOfAtLeast24Pixels() {
        Fixture f = fixture();
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 360,
                "height", 800, "deviceScaleFactor", 1, "mobile", true));

        check("landing", "/");
        check("login", "/login");
        check("signup", "/signup");
        open("/login");
        signIn(f.username(), f.password());
        check("home", "/");
        check("device", "/devices/" + f.lampId());
        check("console", "/console");
        check("console-app", "/console/apps/" + f.appId());
        check("device-code", "/device");
        check("not-found", "/no/such/page");

        open(authorizePath(f.clientId(), f.redirectUri(), "xyz"));
        fits("consent-devices");
        find(By.cssSelector("input[value='" + f.lampId() + "']")).click();
        press("Allow");
        fits("demo-callback");
        String installation = json(http().get("/api/installations", "Authorization", f.basic())).get(0)
                .get("id").asText();
        check("connected-apps", "/apps");
        check("connected-app-devices", "/apps/" + installation + "/devices");

        String admin = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(admin, "long enough pw", true);
        press("Sign out");
        open("/login");
        signIn(admin, "long enough pw");
        check("admin", "/admin");
    }

    private void check(String name, String path) {
        open(path);
        fits(name);
    }

    private void fits(String name) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        screenshot(name);
        for (String state : List.of("closed", "open")) {
            if (state.equals("open")) {
                js.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
                screenshot(name + "-open");
            }
            Object scroll = js.executeScript("return [document.documentElement.scrollWidth, "
                    + "document.documentElement.clientWidth]");
            List<?> widths = (List<?>) scroll;
            assertThat(((Number) widths.get(0)).intValue()).as(name + " (" + state + ") scrolls sideways")
                    .isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
            assertThat((List<?>) js.executeScript(SMALL_TARGETS)).as(name + " (" + state + "): targets under 24 px")
                    .isEmpty();
        }
    }

    private void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
