package hearth.browser;

import hearth.support.Http;
import hearth.support.TestResources;
import hearth.support.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Hearth on a random port (H2 under target/test-data) and one real headless Chromium per
 * test class, which clicks through the pages as a person would. Set-up that is not what a test
 * is about (accounts, homes, devices) goes through the management API, which is faster.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
@ActiveProfiles("test")
abstract class BrowserTestBase {
    private static HeadlessChromium chromium;

    @LocalServerPort
    int port;

    WebDriver browser;

    // The same properties in every browser test class, so they share one Spring context and server.
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Path dir = Path.of("target", "test-data", "browser-" + UUID.randomUUID()).toAbsolutePath();
        registry.add("hearth.data-dir", dir::toString);
    }

    @BeforeAll
    static void startChromium() {
        chromium = new HeadlessChromium();
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /** Each test starts signed out: the cookies of the last one are gone. */
    @BeforeEach
    void freshBrowser() {
        browser = chromium.driver();
        browser.get(base() + "/hearth.css");
        browser.manage().deleteAllCookies();
    }

    String base() {
        return "http://localhost:" + port;
    }

    Http http() {
        return new Http(base());
    }

    static String resource(String path) {
        return TestResources.read(path);
    }

    // ---- the browser ----------------------------------------------------------------------

    void open(String path) {
        browser.get(base() + path);
    }

    WebElement find(By by) {
        return browser.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return browser.findElements(by);
    }

    void type(String id, String text) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks the button whose visible text is {@code text}, and waits for the page the form answers with. */
    void press(String text) {
        submitWith(find(By.xpath("//button[normalize-space()='" + text + "']")));
    }

    /**
     * Clicks {@code element}, which submits a form or follows a link, and waits until the next
     * page has loaded: a click returns as soon as the browser has it, not when the page is there.
     */
    void submitWith(WebElement element) {
        // A mark on the old page's window: a new page has a new window, without it. (Waiting for
        // the old <html> to go stale races: Chromium may report the half-gone node as an error.)
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.hearthOldPage = true");
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(js.executeScript(
                        "return window.hearthOldPage === undefined && document.readyState === 'complete'")));
    }

    /**
     * A destructive action, which asks first: checks that the button that does it is hidden until
     * {@code action} is pressed, then presses {@code yes}. Answers the question the page asked.
     */
    String confirm(WebElement scope, String action, String yes) {
        WebElement summary = scope.findElement(By.xpath(".//summary[normalize-space()='" + action + "']"));
        WebElement details = summary.findElement(By.xpath(".."));
        WebElement button = details.findElement(By.xpath(".//button[normalize-space()='" + yes + "']"));
        assertThat(button.isDisplayed()).as("'" + yes + "' is hidden until '" + action + "' is pressed").isFalse();
        summary.click();
        String question = details.findElement(By.cssSelector(".confirm-body p")).getText();
        submitWith(button);
        return question;
    }

    String confirm(String action, String yes) {
        return confirm(find(By.tagName("main")), action, yes);
    }

    String heading() {
        return find(By.tagName("h1")).getText();
    }

    String alert() {
        List<WebElement> alerts = findAll(By.cssSelector("[role=alert]"));
        assertThat(alerts).as("an error shown with role=alert on " + browser.getCurrentUrl()).isNotEmpty();
        return alerts.get(0).getText();
    }

    String status() {
        List<WebElement> notices = findAll(By.cssSelector("[role=status]"));
        assertThat(notices).as("a notice shown with role=status on " + browser.getCurrentUrl()).isNotEmpty();
        return notices.get(0).getText();
    }

    String path() {
        return browser.getCurrentUrl().substring(base().length());
    }

    /** On the login page (wherever it was reached from): signs in. */
    void signIn(String username, String password) {
        assertThat(path()).startsWith("/login");
        type("username", username);
        type("password", password);
        press("Sign in");
    }

    // ---- set-up through the management API ----------------------------------------------------

    /** An account with a Location "Home" and three devices, and a SmartApp whose codes land on /demo/callback. */
    record Fixture(String username, String password, String basic, String locationId, String lampId,
                   String kitchenId, String lockId, String appId, String clientId, String clientSecret,
                   String redirectUri) {
    }

    Fixture fixture() {
        return fixture(resource("apps/flow-test.groovy"));
    }

    Fixture fixture(String source) {
        Account account = account();
        String locationId = home(account);
        String lamp = device(account, locationId, "Lamp", List.of("switch", "switchLevel"));
        String kitchen = device(account, locationId, "Kitchen", List.of("switch"));
        String lock = device(account, locationId, "Door Lock", List.of("lock"));
        String redirectUri = base() + "/demo/callback";
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("source", source);
        registration.put("redirectUris", List.of(redirectUri));
        registration.put("servers", List.of("*"));
        HttpResponse<String> app = http().postJson("/api/smartapps", registration, "Authorization", account.basic());
        assertThat(app.statusCode()).as(app.body()).isEqualTo(201);
        JsonNode body = json(app);
        return new Fixture(account.username(), account.password(), account.basic(), locationId, lamp, kitchen, lock,
                body.get("id").asText(), body.get("clientId").asText(), body.get("clientSecret").asText(),
                redirectUri);
    }

    record Account(String username, String password, String basic) {
    }

    Account account() {
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "correct horse " + UUID.randomUUID();
        HttpResponse<String> created = http().postJson("/api/accounts", Map.of("username", username,
                "password", password));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Account(username, password, Http.basic(username, password));
    }

    String home(Account account) {
        HttpResponse<String> location = http().postJson("/api/locations", Map.of("name", "Home"),
                "Authorization", account.basic());
        assertThat(location.statusCode()).as(location.body()).isEqualTo(201);
        return json(location).get("id").asText();
    }

    String device(Account account, String locationId, String label, List<String> capabilities) {
        HttpResponse<String> response = http().postJson("/api/locations/" + locationId + "/devices",
                Map.of("label", label, "capabilities", capabilities), "Authorization", account.basic());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asText();
    }

    String authorizePath(String clientId, String redirectUri, String state) {
        return "/oauth/authorize?response_type=code&client_id=" + Http.encode(clientId) + "&scope=app"
                + "&redirect_uri=" + Http.encode(redirectUri) + "&state=" + Http.encode(state);
    }

    /**
     * In the browser: opens the app's authorize link, signs in if asked, ticks {@code devices}
     * and allows. Answers the code the demo callback page shows.
     */
    String authorizeInBrowser(Fixture f, String... devices) {
        open(authorizePath(f.clientId(), f.redirectUri(), "xyz"));
        if (path().startsWith("/login")) {
            signIn(f.username(), f.password());
        }
        for (String device : devices) {
            find(By.cssSelector("input[value='" + device + "']")).click();
        }
        press("Allow");
        assertThat(browser.getCurrentUrl()).startsWith(f.redirectUri() + "?");
        return Http.query(browser.getCurrentUrl()).get("code");
    }

    /** The client's side: the code for tokens, as a client's server would do it. */
    JsonNode exchange(Fixture f, String code) {
        HttpResponse<String> response = http().postForm("/oauth/token", Map.of("grant_type", "authorization_code",
                "code", code, "client_id", f.clientId(), "client_secret", f.clientSecret(),
                "redirect_uri", f.redirectUri()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }
}
