package hearth.flow;

import hearth.account.AccountService;
import hearth.support.Http;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin API and page over HTTP: only an admin sees them; every change holds at once and is audited. */
class AdminApiTest extends HearthTestBase {
    @Autowired
    AccountService accounts;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("admin");
        registry.add("hearth.data-dir", () -> dir);
    }

    /** An admin, as the setup page or {@code ./hearth admin create-account} makes one. */
    private String admin() {
        String name = "admin-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "long enough pw", true);
        return Http.basic(name, "long enough pw");
    }

    @Test
    void toAnyoneButAnAdminTheAdminApiAndPageAreNotThereAtAll() {
        Fixture user = fixture();
        String unknown = http().get("/api/admin/nothing", "Authorization", user.basic()).body();
        List<HttpResponse<String>> tries = List.of(
                http().get("/api/admin/accounts", "Authorization", user.basic()),
                http().postJson("/api/admin/accounts", Map.of("username", "sneaky"), "Authorization", user.basic()),
                http().send("POST", "/api/admin/accounts/" + UUID.randomUUID() + "/lock", null,
                        "Authorization", user.basic()),
                http().send("POST", "/api/admin/accounts/" + UUID.randomUUID() + "/password", null,
                        "Authorization", user.basic()),
                http().putJson("/api/admin/signup", Map.of("enabled", false), "Authorization", user.basic()),
                http().get("/api/admin/signup", "Authorization", user.basic()));
        for (HttpResponse<String> response : tries) {
            assertThat(response.statusCode()).as(response.request().uri().toString()).isEqualTo(404);
            assertThat(json(response).get("error").asText()).isEqualTo("not_found");
            assertThat(json(response).get("error_description").asText()).startsWith("nothing here at /api/admin/");
        }
        assertThat(json(http().get("/api/admin/nothing", "Authorization", user.basic())).get("error").asText())
                .isEqualTo(json(tries.get(0)).get("error").asText());
        assertThat(unknown).contains("nothing here at /api/admin/nothing");
        assertThat(http().get("/api/admin/accounts").statusCode()).as("signed out").isEqualTo(401);

        Http browser = http();
        signInAndFollow(browser, "/admin", user.username(), user.password(), "/admin");
        HttpResponse<String> page = browser.get("/admin", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(withoutCsrf(page.body())).doesNotContain("Sign-up").isEqualTo(withoutCsrf(browser.get(
                "/no/such/page", "Accept", "text/html").body().replace("/no/such/page", "/admin")));
    }

    /** A page without its CSRF token, which differs on every rendering. */
    private static String withoutCsrf(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }

    @Test
    void anAdminListsAccountsResetsAPasswordLocksAndUnlocksAndEverythingIsAudited() {
        String admin = admin();
        Fixture user = fixture();
        JsonNode listed = json(http().get("/api/admin/accounts", "Authorization", admin));
        JsonNode row = find(listed, user.username());
        assertThat(row.get("admin").asBoolean()).isFalse();
        assertThat(row.get("locked").asBoolean()).isFalse();
        assertThat(listed.toString()).doesNotContain("password").doesNotContain("\"@");
        String id = row.get("id").asText();

        Http browser = http();
        signInAndFollow(browser, "/apps", user.username(), user.password(), "/apps");
        HttpResponse<String> reset = http().send("POST", "/api/admin/accounts/" + id + "/password", null,
                "Authorization", admin);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        String fresh = json(reset).get("password").asText();
        assertThat(http().get("/api/locations", "Authorization", user.basic()).statusCode()).isEqualTo(401);
        assertThat(http().get("/api/locations", "Authorization", Http.basic(user.username(), fresh)).statusCode())
                .isEqualTo(200);
        assertThat(browser.get("/apps").statusCode()).as("signed out everywhere").isEqualTo(302);

        HttpResponse<String> locked = http().send("POST", "/api/admin/accounts/" + id + "/lock", null,
                "Authorization", admin);
        assertThat(json(locked).get("locked").asBoolean()).isTrue();
        assertThat(http().get("/api/locations", "Authorization", Http.basic(user.username(), fresh)).statusCode())
                .isEqualTo(401);
        HttpResponse<String> login = browser.get("/login");
        HttpResponse<String> refused = browser.postForm("/login", Map.of("username", user.username(),
                "password", fresh, "_csrf", Http.csrf(login.body())));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/login?error");

        http().send("POST", "/api/admin/accounts/" + id + "/unlock", null, "Authorization", admin);
        assertThat(http().get("/api/locations", "Authorization", Http.basic(user.username(), fresh)).statusCode())
                .isEqualTo(200);

        String self = json(http().get("/api/admin/accounts", "Authorization", admin)).toString();
        assertThat(self).contains("\"admin\":true");
        JsonNode ownAudit = json(http().get("/api/audit", "Authorization", Http.basic(user.username(), fresh)));
        assertThat(ownAudit.findValuesAsString("type")).contains("PASSWORD_RESET", "ACCOUNT_LOCKED",
                "ACCOUNT_UNLOCKED", "ACCOUNT_CREATED");
        assertThat(json(http().get("/api/audit", "Authorization", admin)).toString())
                .contains("reset the password of " + user.username(), "locked " + user.username())
                .doesNotContain(fresh);
        assertThat(http().send("POST", "/api/admin/accounts/" + UUID.randomUUID() + "/lock", null,
                "Authorization", admin).statusCode()).as("an unknown account").isEqualTo(404);
    }

    @Test
    void anAdminTurnsSignUpOffAndOnForEveryPageAndTheApiAndCreatesAccountsWithAPasswordShownOnce() {
        String admin = admin();
        Map<String, String> someone = Map.of("username", "new-" + UUID.randomUUID().toString().substring(0, 8),
                "password", "long enough pw");
        try {
            assertThat(json(http().putJson("/api/admin/signup", Map.of("enabled", false), "Authorization", admin))
                    .get("enabled").asBoolean()).isFalse();
            HttpResponse<String> closed = http().postJson("/api/accounts", someone);
            assertThat(closed.statusCode()).isEqualTo(403);
            assertThat(json(closed).get("error").asText()).isEqualTo("signup_disabled");
            assertThat(http().get("/signup", "Accept", "text/html").body()).contains("Sign-up is turned off");
            assertThat(http().get("/", "Accept", "text/html").body()).doesNotContain("/signup\"");

            HttpResponse<String> created = http().postJson("/api/admin/accounts",
                    Map.of("username", someone.get("username")), "Authorization", admin);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String password = json(created).get("password").asText();
            assertThat(http().get("/api/locations", "Authorization", Http.basic(someone.get("username"), password))
                    .statusCode()).isEqualTo(200);
            assertThat(http().putJson("/api/admin/signup", Map.of(), "Authorization", admin).statusCode())
                    .isEqualTo(400);
        } finally {
            http().putJson("/api/admin/signup", Map.of("enabled", true), "Authorization", admin);
        }
        assertThat(http().postJson("/api/accounts", Map.of("username", "again-" + UUID.randomUUID().toString()
                .substring(0, 8), "password", "long enough pw")).statusCode()).isEqualTo(201);
        assertThat(json(http().get("/api/audit", "Authorization", admin)).toString())
                .contains("sign-up turned off", "sign-up turned on", "created account " + someone.get("username"));
    }

    private static JsonNode find(JsonNode accounts, String username) {
        for (JsonNode a : accounts) {
            if (a.get("username").asText().equals(username)) {
                return a;
            }
        }
        throw new AssertionError(username + " is not in " + accounts);
    }
}
