package hearth.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page in Chromium: a first Location and devices built by hand, live state in a second page. */
class BrowserHomeTest extends BrowserTestBase {

    @Test
    void aNewAccountBuildsAHomeAndASecondOpenPageSeesTheSwitchChangeWithoutReloading() {
        Account account = account();
        open("/");
        assertThat(heading()).isEqualTo("Hearth: your home's cloud, on your own server");
        submitWith(find(By.linkText("Sign in")));
        signIn(account.username(), account.password());
        assertThat(path()).isEqualTo("/");
        assertThat(heading()).isEqualTo("Your homes");
        assertThat(find(By.id("no-locations")).getText()).startsWith("You have no Location yet.");

        type("location-name", "Beach <House>");
        press("Create Location");
        assertThat(status()).isEqualTo("Beach <House> is ready. Add its devices below.");
        WebElement location = find(By.cssSelector("section.location"));
        assertThat(location.findElement(By.tagName("h2")).getText()).isEqualTo("Beach <House>");
        String locationId = location.getAttribute("data-location");

        location.findElement(By.xpath(".//summary[normalize-space()='Add a device…']")).click();
        type("label-" + locationId, "Porch Light");
        press("Add device");
        assertThat(status()).isEqualTo("Porch Light is added.");
        WebElement card = find(By.cssSelector("li.device"));
        String deviceId = card.getAttribute("data-device");
        assertThat(card.findElement(By.cssSelector("[data-attribute=switch]")).getText()).isEqualTo("off");

        // A second page of the same account, left open.
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        open("/");
        awaitLiveStream();
        ((JavascriptExecutor) browser).executeScript("window.hearthNotReloaded = true");
        String second = browser.getWindowHandle();

        browser.switchTo().window(first);
        submitWith(find(By.cssSelector("[data-device='" + deviceId + "'] button[data-toggle=switch]")));
        assertThat(find(By.cssSelector("[data-device='" + deviceId + "'] [data-attribute=switch]")).getText())
                .isEqualTo("on");

        browser.switchTo().window(second);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "on".equals(d.findElement(
                By.cssSelector("[data-device='" + deviceId + "'] [data-attribute=switch]")).getText()));
        WebElement toggle = find(By.cssSelector("[data-device='" + deviceId + "'] button[data-toggle=switch]"));
        assertThat(toggle.getText()).isEqualTo("Turn off");
        assertThat(toggle.getAttribute("aria-label")).isEqualTo("Turn off Porch Light");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.hearthNotReloaded")).isEqualTo(true);
        browser.close();
        browser.switchTo().window(first);
    }

    @Test
    void aSensorIsSetByHandOnItsPageAndALocationIsDeletedOnlyAfterAskingFirst() {
        Account account = account();
        String locationId = home(account);
        String door = device(account, locationId, "Back Door", java.util.List.of("contactSensor"));
        open("/devices/" + door);
        signIn(account.username(), account.password());
        assertThat(heading()).isEqualTo("Back Door");
        assertThat(find(By.cssSelector("[data-attribute=contact]")).getText()).isEqualTo("closed");

        new org.openqa.selenium.support.ui.Select(find(By.id("set-contact"))).selectByValue("open");
        submitWith(find(By.xpath("//button[@aria-label='Set Contact']")));
        assertThat(status()).isEqualTo("Contact of Back Door is now open.");
        assertThat(find(By.cssSelector("[data-attribute=contact]")).getText()).isEqualTo("open");
        assertThat(find(By.cssSelector("tbody[data-events] tr")).getText()).contains("Contact").endsWith("open");

        open("/");
        WebElement section = find(By.id("location-" + locationId));
        section.findElement(By.xpath(".//summary[normalize-space()='Rename or delete…']")).click();
        assertThat(confirm(section, "Delete this Location…", "Yes, delete Home"))
                .isEqualTo("Delete Home with its 1 device(s)? This can’t be undone.");
        assertThat(status()).isEqualTo("Home is deleted, with its devices.");
        assertThat(findAll(By.cssSelector("section.location"))).isEmpty();
        assertThat(http().get("/api/devices/" + door, "Authorization", account.basic()).statusCode()).isEqualTo(404);
    }

    private void awaitLiveStream() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "true".equals(((JavascriptExecutor) d)
                .executeScript("return document.documentElement.getAttribute('data-live-open')")));
    }
}
