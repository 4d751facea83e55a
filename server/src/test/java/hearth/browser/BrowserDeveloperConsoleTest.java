package hearth.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The developer console in Chromium: create from pasted or uploaded source, compile errors, secrets. */
class BrowserDeveloperConsoleTest extends BrowserTestBase {
    private static final String BROKEN = """
            definition(name: "Broken", namespace: "hearth.test", author: "Hearth", description: "d", category: "c")
            mappings { path("/x") { action: [GET: "x"] } }
            def x() {
                [answer: (1 + ]
            }
            """;

    @Test
    void createFromPastedSourceShowsTheClientSecretOnlyOnce() {
        Account account = account();
        open("/console");
        signIn(account.username(), account.password());
        assertThat(heading()).isEqualTo("Developer console");

        type("source", resource("apps/flow-test.groovy"));
        type("redirectUris", "https://client.example.com/callback\nhttp://127.0.0.1/callback");
        press("Create SmartApp");

        assertThat(path()).startsWith("/console/apps/");
        assertThat(heading()).isEqualTo("Flow Test");
        assertThat(status()).isEqualTo("Flow Test is registered.");
        String secret = find(By.id("client-secret")).getText();
        String clientId = find(By.id("client-id")).getText();
        assertThat(secret).isNotBlank();
        String page = find(By.tagName("main")).getText();
        assertThat(page).contains("https://client.example.com/callback", "http://127.0.0.1/callback",
                "all Servers", "1 day", "90 days", "Installations (0)");
        assertThat(clientAuthentication(clientId, secret)).isEqualTo("invalid_grant");

        browser.navigate().refresh();
        assertThat(findAll(By.id("client-secret"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(secret);

        open("/console");
        assertThat(find(By.id("smartapps")).getText()).contains("Flow Test", clientId);
    }

    // Two problems the sandbox finds on lines 4 and 7: both must be shown, each at its line.
    private static final String TWO_PROBLEMS = """
            definition(name: "Two Problems", namespace: "hearth.test", author: "Hearth", description: "d", category: "c")
            mappings { path("/x") { action: [GET: "x"] } }
            def x() {
                synchronized (this) { 1 }
            }
            def y() {
                def f = this.&x
            }
            """;

    @Test
    void brokenSourceShowsTheCompileErrorWithItsLineAndKeepsTheSource() {
        Account account = account();
        open("/console");
        signIn(account.username(), account.password());
        type("source", BROKEN);
        type("redirectUris", "https://client.example.com/callback");
        press("Create SmartApp");

        assertThat(alert()).startsWith("The source was refused: 1 problem, shown at their lines");
        assertThat(find(By.id("line-4")).getText()).contains("[answer: (1 + ]").contains("Line 4");
        assertThat(find(By.id("source")).getAttribute("value")).isEqualTo(BROKEN);
        assertThat(find(By.id("redirectUris")).getAttribute("value")).isEqualTo("https://client.example.com/callback");
        assertThat(findAll(By.id("smartapps"))).as("no SmartApp was registered").isEmpty();
    }

    @Test
    void everyCompileProblemIsShownAtItsLineAndTheEditorNumbersEveryLine() {
        Account account = account();
        open("/console");
        signIn(account.username(), account.password());
        type("source", TWO_PROBLEMS);
        type("redirectUris", "https://client.example.com/callback");
        press("Create SmartApp");

        assertThat(alert()).startsWith("The source was refused: 2 problems");
        assertThat(find(By.id("line-4")).getText()).contains("synchronized (this)")
                .contains("Line 4, column 5: synchronized blocks are not allowed");
        assertThat(find(By.id("line-7")).getText()).contains("this.&x").contains("Line 7").contains("method pointers");
        assertThat(find(By.cssSelector("#source-problems")).getText()).doesNotContain("mappings");
        assertThat(findAll(By.cssSelector(".editor .gutter span"))).extracting(e -> e.getText())
                .startsWith("1", "2", "3", "4").hasSize(TWO_PROBLEMS.split("\n", -1).length);
        assertThat(findAll(By.cssSelector(".editor .gutter span.bad"))).extracting(e -> e.getText())
                .containsExactly("4", "7");
    }

    @Test
    void deletingAnAppAsksFirstSayingHowManyInstallationsGoThenTheirTokensStop() {
        Fixture f = fixture();
        String token = exchange(f, authorizeInBrowser(f, f.lampId())).get("access_token").asText();
        open("/console/apps/" + f.appId());

        assertThat(confirm("Delete this app…", "Yes, delete it and 1 Installation(s)"))
                .contains("with its 1 Installation(s)");
        assertThat(path()).isEqualTo("/console");
        assertThat(status()).isEqualTo("Flow Test is deleted, with 1 Installation; its tokens no longer work.");
        assertThat(findAll(By.id("smartapps"))).isEmpty();
        assertThat(http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(401);
        assertThat(json(http().get("/api/installations", "Authorization", f.basic())).size()).isZero();
    }

    @Test
    void uploadASourceFilePublishToOneServerThenRotateTheSecretAndRevokeTokens(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path file = Files.writeString(dir.resolve("flow-test.groovy"), resource("apps/flow-test.groovy"));
        Account account = account();
        open("/console");
        signIn(account.username(), account.password());
        find(By.id("sourceFile")).sendKeys(file.toString());
        type("redirectUris", "https://client.example.com/callback");
        find(By.cssSelector("input[name=servers][value='*']")).click();
        find(By.cssSelector("input[name=servers][value='local']")).click();
        find(By.id("legacyTokens")).click();
        press("Create SmartApp");

        assertThat(heading()).isEqualTo("Flow Test");
        assertThat(find(By.tagName("main")).getText()).contains("Published to\nlocal")
                .contains("legacy long-lived (50 years)");
        String clientId = find(By.id("client-id")).getText();
        String first = find(By.id("client-secret")).getText();

        assertThat(confirm("Rotate client secret…", "Yes, make a new secret")).contains("the old one stops working");
        assertThat(status()).isEqualTo("A new client secret was made; the old one no longer works.");
        String second = find(By.id("client-secret")).getText();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(clientAuthentication(clientId, first)).isEqualTo("invalid_client");
        assertThat(clientAuthentication(clientId, second)).isEqualTo("invalid_grant");

        assertThat(confirm("Revoke all tokens…", "Yes, revoke every token")).contains("in all 0 Installation(s)");
        assertThat(status()).isEqualTo("Every token of this app is revoked; its users must connect it again.");
        assertThat(findAll(By.id("client-secret"))).isEmpty();
    }

    @Test
    void aPublicClientGetsNoSecretAndNothingToRotate() {
        Account account = account();
        open("/console");
        signIn(account.username(), account.password());
        type("source", resource("apps/flow-test.groovy"));
        type("redirectUris", "http://127.0.0.1/callback");
        find(By.name("publicClient")).click();
        press("Create SmartApp");

        assertThat(heading()).isEqualTo("Flow Test");
        assertThat(findAll(By.id("client-secret"))).isEmpty();
        assertThat(find(By.tagName("main")).getText()).contains("public (no secret; PKCE required)");
        assertThat(findAll(By.xpath("//summary[normalize-space()='Rotate client secret…']"))).isEmpty();
    }

    @Test
    void theAppPageListsItsInstallations() {
        Fixture f = fixture();
        authorizeInBrowser(f, f.lampId(), f.kitchenId());

        open("/console/apps/" + f.appId());
        assertThat(find(By.id("installation-count")).getText()).isEqualTo("1");
        assertThat(find(By.cssSelector("section[aria-labelledby=installations] tbody")).getText())
                .contains(" 2 ").contains("UTC").contains("never");
    }

    @Test
    void savingWithAnInvalidRedirectUriSaysWhyAndChangesNothing() {
        Fixture f = fixture();
        authorizeInBrowser(f, f.lampId());
        open("/console/apps/" + f.appId());
        type("redirectUris", "http://example.com/callback");
        press("Save changes");

        assertThat(alert()).contains("uses http to a non-loopback host");
        open("/console/apps/" + f.appId());
        assertThat(find(By.tagName("main")).getText()).contains(f.redirectUri());
    }

    /**
     * Whether the token endpoint accepts these client credentials: with a made-up code, a client
     * it authenticated hears {@code invalid_grant}, and one it didn't {@code invalid_client}.
     */
    private String clientAuthentication(String clientId, String secret) {
        HttpResponse<String> response = http().postForm("/oauth/token", Map.of("grant_type", "authorization_code",
                "code", "made-up", "client_id", clientId, "client_secret", secret,
                "redirect_uri", "https://client.example.com/callback"));
        return json(response).get("error").asText();
    }
}
