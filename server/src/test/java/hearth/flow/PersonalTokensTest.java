package hearth.flow;

import hearth.support.Http;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Personal access tokens for one's own scripts: made by API and on a page, scoped, shown once, revocable. */
class PersonalTokensTest extends HearthTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("pat");
        registry.add("hearth.data-dir", () -> dir);
    }

    HttpResponse<String> create(Fixture f, String name, List<String> scopes, Long expiresInSeconds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("scopes", scopes);
        if (expiresInSeconds != null) {
            body.put("expiresInSeconds", expiresInSeconds);
        }
        return http().postJson("/api/tokens", body, "Authorization", f.basic());
    }

    String token(Fixture f, List<String> scopes) {
        HttpResponse<String> created = create(f, "script", scopes, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("token").asText();
    }

    HttpResponse<String> get(String token, String path) {
        return http().get(path, "Authorization", "Bearer " + token);
    }

    @Test
    void aTokenIsShownOnceListedWithoutItAndLastsADayUnlessAsked() {
        Fixture f = fixture();
        HttpResponse<String> created = create(f, "backup script", List.of("r:locations:*", "r:devices:*"), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode body = json(created);
        String token = body.get("token").asText();
        assertThat(token).startsWith("hpat_");
        assertThat(Duration.between(Instant.parse(body.get("createdAt").asText()),
                Instant.parse(body.get("expiresAt").asText()))).isEqualTo(Duration.ofHours(24));
        HttpResponse<String> list = http().get("/api/tokens", "Authorization", f.basic());
        assertThat(list.body()).doesNotContain(token).contains("backup script").contains("r:devices:*");
        assertThat(json(list).get(0).path("lastUsedAt").isMissingNode()).isTrue();
        assertThat(get(token, "/v1/locations").statusCode()).isEqualTo(200);
        assertThat(json(http().get("/api/tokens", "Authorization", f.basic())).get(0).path("lastUsedAt").asText())
                .isNotBlank();
        HttpResponse<String> year = create(f, "long", List.of("r:devices:*"), 365L * 86_400);
        assertThat(year.statusCode()).isEqualTo(201);
        assertThat(create(f, "too long", List.of("r:devices:*"), 365L * 86_400 + 1).statusCode()).isEqualTo(400);
        assertThat(create(f, "", List.of("r:devices:*"), null).statusCode()).isEqualTo(400);
        assertThat(create(f, "none", List.of(), null).statusCode()).isEqualTo(400);
        assertThat(json(create(f, "bad", List.of("w:devices:*"), null)).get("error_description").asText())
                .contains("w:devices:*").contains("r:devices:*");
    }

    @Test
    void aTokenReachesEveryLocationOfItsAccountAsFarAsItsScopesGo() {
        Fixture f = fixture();
        http().postJson("/api/locations", Map.of("name", "Cabin"), "Authorization", f.basic());
        String read = token(f, List.of("r:locations:*", "r:devices:*"));
        assertThat(json(get(read, "/locations")).get("items")).hasSize(2);
        assertThat(SmartThingsApiContract.ids(json(get(read, "/devices")).get("items")))
                .containsExactly(f.lampId(), f.kitchenId(), f.lockId());
        HttpResponse<String> command = http().postJson("/devices/" + f.lampId() + "/commands",
                SmartThingsApiContract.switchCommand("on"), "Authorization", "Bearer " + read);
        assertThat(SmartThingsApiContract.error(command, 403, "ForbiddenError").get("message").asText())
                .contains("x:devices:" + f.lampId());
        assertThat(command.headers().firstValue("WWW-Authenticate").orElse(""))
                .contains("scope=\"x:devices:" + f.lampId() + "\"");

        String lampOnly = token(f, List.of("r:devices:" + f.lampId(), "x:devices:" + f.lampId()));
        assertThat(SmartThingsApiContract.ids(json(get(lampOnly, "/devices")).get("items")))
                .containsExactly(f.lampId());
        SmartThingsApiContract.error(get(lampOnly, "/locations"), 403, "ForbiddenError");
        SmartThingsApiContract.error(get(lampOnly, "/devices/" + f.kitchenId()), 403, "ForbiddenError");
        assertThat(http().postJson("/devices/" + f.lampId() + "/commands", SmartThingsApiContract.switchCommand("on"),
                "Authorization", "Bearer " + lampOnly).statusCode()).isEqualTo(200);

        // Not a key to anything else: the management API and the installation API refuse it.
        assertThat(get(read, "/api/locations").statusCode()).isEqualTo(401);
        assertThat(get(read, "/api/smartapps/endpoints").statusCode()).isEqualTo(401);
    }

    @Test
    void aScopeCanNameOnlyTheAccountsOwnDevices() {
        Fixture mine = fixture();
        Fixture theirs = fixture();
        HttpResponse<String> refused = create(mine, "theirs", List.of("x:devices:" + theirs.lampId()), null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("error_description").asText()).contains("names no device of yours");
    }

    @Test
    void revokedExpiredAndUnknownTokensAre401SayingWhich() {
        Fixture f = fixture();
        Fixture other = fixture();
        String token = token(f, List.of("r:devices:*"));
        String id = json(http().get("/api/tokens", "Authorization", f.basic())).get(0).get("id").asText();
        assertThat(http().send("DELETE", "/api/tokens/" + id, null, "Authorization", other.basic()).statusCode())
                .isEqualTo(404);
        assertThat(get(token, "/devices").statusCode()).isEqualTo(200);
        assertThat(http().send("DELETE", "/api/tokens/" + id, null, "Authorization", f.basic()).statusCode())
                .isEqualTo(204);
        assertThat(SmartThingsApiContract.error(get(token, "/devices"), 401, "UnauthorizedError").get("message")
                .asText()).contains("revoked");
        assertThat(http().send("DELETE", "/api/tokens/" + id, null, "Authorization", f.basic()).statusCode())
                .isEqualTo(404);

        String shortLived = json(create(f, "short", List.of("r:devices:*"), 60L)).get("token").asText();
        clock.advance(Duration.ofSeconds(61));
        assertThat(SmartThingsApiContract.error(get(shortLived, "/devices"), 401, "UnauthorizedError").get("message")
                .asText()).contains("expired");
        SmartThingsApiContract.error(get("hpat_" + "0".repeat(43), "/devices"), 401, "UnauthorizedError");

        JsonNode events = json(http().get("/api/audit", "Authorization", f.basic()));
        assertThat(events.findValuesAsString("type")).contains("PERSONAL_TOKEN_CREATED", "PERSONAL_TOKEN_REVOKED");
        assertThat(events.toString()).doesNotContain(token);
    }

    @Test
    void logOutEverywhereEndsTheAccountsTokens() {
        Fixture f = fixture();
        String token = token(f, List.of("r:devices:*"));
        assertThat(http().postJson("/api/accounts/me/logout-everywhere", Map.of(), "Authorization", f.basic())
                .statusCode()).isEqualTo(204);
        SmartThingsApiContract.error(get(token, "/devices"), 401, "UnauthorizedError");
    }

    @Test
    void theAccessTokensPageMakesATokenShownOnceAndRevokesIt() {
        Fixture f = fixture();
        Http browser = http();
        HttpResponse<String> page = signInAndFollow(browser, "/tokens", f.username(), f.password(), "/tokens");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("You have no personal access token").contains("r:devices:*");
        HttpResponse<String> made = browser.postForm("/tokens", Map.of("name", "lights script", "scopes",
                List.of("r:devices:*", "x:devices:*"), "days", "7", "_csrf", Http.csrf(page.body())));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("id=\"token-value\">(hpat_[^<]+)<")
                .matcher(made.body());
        assertThat(shown.find()).isTrue();
        String token = shown.group(1);
        assertThat(http().postJson("/devices/" + f.lampId() + "/commands", SmartThingsApiContract.switchCommand("on"),
                "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        HttpResponse<String> again = browser.get("/tokens");
        assertThat(again.body()).doesNotContain(token).contains("lights script");
        String id = json(http().get("/api/tokens", "Authorization", f.basic())).get(0).get("id").asText();
        HttpResponse<String> revoked = browser.postForm("/tokens/" + id + "/revoke",
                Map.of("_csrf", Http.csrf(again.body())));
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(get(token, "/devices").statusCode()).isEqualTo(401);
        HttpResponse<String> bad = browser.postForm("/tokens", Map.of("name", "nothing", "days", "7",
                "_csrf", Http.csrf(again.body())));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("scopes must list");
    }
}
