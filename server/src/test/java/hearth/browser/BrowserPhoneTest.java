package hearth.browser;

import hearth.account.AccountService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static hearth.support.Http.json;

/** Every page on a 360×800 phone, as {@link PhoneLayout} checks it (the setup page: FirstAccountIT). */
class BrowserPhoneTest extends BrowserTestBase {
    @Autowired
    AccountService accounts;

    @AfterEach
    void desktop() {
        PhoneLayout.desktop((ChromeDriver) browser);
    }

    @Test
    void everyPageFitsA360PixelPhoneWithTargetsOfAtLeast24Pixels() {
        Fixture f = fixture();
        PhoneLayout.emulate((ChromeDriver) browser);

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
        PhoneLayout.assertFits((ChromeDriver) browser, name);
    }

}
