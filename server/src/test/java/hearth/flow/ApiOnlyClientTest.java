package hearth.flow;

import hearth.support.Http;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OAuth client registered as API-only (no Groovy) asks for the modern API's scopes; the consent
 * page says what each means; its tokens reach what they name in the connected Location, no more,
 * at refresh neither.
 */
class ApiOnlyClientTest extends HearthTestBase {
    private static final java.util.function.Function<List<String>, String> JSON_LIST = list -> list.stream()
            .map(s -> "\"" + s + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("api-only");
        registry.add("hearth.data-dir", () -> dir);
    }

    /** The fixture's account with an API-only client of its own instead of the classic app. */
    Fixture apiClient(List<String> scopes) {
        Fixture f = fixture();
        HttpResponse<String> registered = http().postJson("/api/api-clients", Map.of("name", "Homebridge (test)",
                "redirectUris", List.of(f.redirectUri()), "scopes", scopes), "Authorization", f.basic());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode body = json(registered);
        assertThat(body.get("scopes").toString()).isEqualTo(JSON_LIST.apply(scopes));
        assertThat(body.has("clientSecret")).isTrue();
        return new Fixture(f.username(), f.password(), f.basic(), f.locationId(), f.lampId(), f.kitchenId(), f.lockId(),
                body.get("id").asText(), body.get("clientId").asText(), body.get("clientSecret").asText(),
                f.redirectUri());
    }

    String url(Fixture f, String scope) {
        return "/oauth/authorize?response_type=code&client_id=" + Http.encode(f.clientId()) + "&scope="
                + Http.encode(scope) + "&redirect_uri=" + Http.encode(f.redirectUri()) + "&state=s1";
    }

    JsonNode tokens(Fixture f, String scope) {
        String code = authorize(f, url(f, scope), Map.of());
        HttpResponse<String> response = exchange(f, code);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    HttpResponse<String> refresh(Fixture f, String refreshToken, String scope) {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", f.clientId(), "client_secret", f.clientSecret()));
        if (scope != null) {
            form.put("scope", scope);
        }
        return http().postForm("/oauth/token", form);
    }

    @Test
    void theConsentPageSaysWhatEachScopeMeansAndTheTokenCarriesThem() {
        Fixture f = apiClient(List.of("r:locations:*", "r:devices:*", "x:devices:*"));
        Http browser = http();
        HttpResponse<String> page = signInAndFollow(browser, url(f, "r:locations:* r:devices:*"), f.username(),
                f.password());
        assertThat(page.body()).contains("id=\"scopes\"").contains("see your Locations").contains("r:locations:*")
                .contains("see every device in them and its state").doesNotContain("control every device")
                .doesNotContain("only the devices you tick");
        HttpResponse<String> redirect = consent(browser, page, Map.of(), "allow");
        String code = Http.query(redirect.headers().firstValue("Location").orElseThrow()).get("code");
        JsonNode tokens = json(exchange(f, code));
        assertThat(tokens.get("scope").asText()).isEqualTo("r:locations:* r:devices:*");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(86_400);
        String token = tokens.get("access_token").asText();
        HttpResponse<String> devices = http().get("/v1/devices", "Authorization", "Bearer " + token);
        assertThat(SmartThingsApiContract.ids(json(devices).get("items")))
                .containsExactly(f.lampId(), f.kitchenId(), f.lockId());
        HttpResponse<String> command = http().postJson("/v1/devices/" + f.lampId() + "/commands",
                SmartThingsApiContract.switchCommand("on"), "Authorization", "Bearer " + token);
        assertThat(SmartThingsApiContract.error(command, 403, "ForbiddenError").get("message").asText())
                .contains("x:devices:" + f.lampId());
    }

    @Test
    void aScopeTheClientDidNotRegisterIsRefusedAtTheRedirect() {
        Fixture f = apiClient(List.of("r:devices:*"));
        Http browser = http();
        HttpResponse<String> first = browser.get(url(f, "r:devices:* x:devices:*"));
        String location = first.headers().firstValue("Location").orElseThrow();
        if (location.endsWith("/login")) {
            HttpResponse<String> login = browser.get("/login");
            location = browser.postForm("/login", Map.of("username", f.username(), "password", f.password(),
                    "_csrf", Http.csrf(login.body()))).headers().firstValue("Location").orElseThrow();
            location = browser.get(location).headers().firstValue("Location").orElseThrow();
        }
        assertThat(location).startsWith(f.redirectUri());
        assertThat(Http.query(location)).containsEntry("error", "invalid_scope");
        assertThat(Http.query(location).get("error_description")).contains("x:devices:*");
    }

    @Test
    void theDeviceGrantTakesTheSameScopesAsTheCodeGrant() {
        Fixture f = apiClient(List.of("r:devices:*"));
        String basic = Http.basic(f.clientId(), f.clientSecret());
        HttpResponse<String> more = http().postForm("/oauth/device_authorization", Map.of("scope",
                "r:devices:* x:devices:*"), "Authorization", basic);
        assertThat(more.statusCode()).isEqualTo(400);
        assertThat(json(more).get("error").asText()).isEqualTo("invalid_scope");
        assertThat(json(more).get("error_description").asText()).contains("x:devices:*");
        assertThat(http().postForm("/oauth/device_authorization", Map.of("scope", "r:devices:*"), "Authorization",
                basic).statusCode()).isEqualTo(200);
        assertThat(http().postForm("/oauth/device_authorization", Map.of("scope", "app"), "Authorization", basic)
                .statusCode()).isEqualTo(400);
    }

    @Test
    void aRefreshAskingForMoreIsRefusedAndLeavesTheGrantAsItWas() {
        Fixture f = apiClient(List.of("r:locations:*", "r:devices:*", "x:devices:*"));
        JsonNode tokens = tokens(f, "r:devices:*");
        HttpResponse<String> more = refresh(f, tokens.get("refresh_token").asText(), "r:devices:* x:devices:*");
        assertThat(more.statusCode()).isEqualTo(400);
        assertThat(json(more).get("error").asText()).isEqualTo("invalid_scope");
        assertThat(json(more).get("error_description").asText()).contains("more than");
        HttpResponse<String> same = refresh(f, tokens.get("refresh_token").asText(), null);
        assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
        assertThat(json(same).get("scope").asText()).isEqualTo("r:devices:*");
        String refreshed = json(same).get("access_token").asText();
        assertThat(http().get("/devices", "Authorization", "Bearer " + refreshed).statusCode()).isEqualTo(200);
        assertThat(http().postJson("/devices/" + f.lampId() + "/commands", SmartThingsApiContract.switchCommand("on"),
                "Authorization", "Bearer " + refreshed).statusCode()).isEqualTo(403);
    }

    @Test
    void itsTokenReachesOnlyTheConnectedLocationAndEndsWhenDisconnected() {
        Fixture f = apiClient(List.of("r:locations:*", "r:devices:*", "x:devices:*"));
        String cabin = json(http().postJson("/api/locations", Map.of("name", "Cabin"), "Authorization", f.basic()))
                .get("id").asText();
        String stove = json(http().postJson("/api/locations/" + cabin + "/devices", Map.of("label", "Stove",
                "capabilities", List.of("switch")), "Authorization", f.basic())).get("id").asText();
        String token = tokens(f, "r:locations:* r:devices:* x:devices:*").get("access_token").asText();
        JsonNode locations = json(http().get("/locations", "Authorization", "Bearer " + token)).get("items");
        assertThat(locations).hasSize(1);
        assertThat(locations.get(0).get("locationId").asText()).isEqualTo(f.locationId());
        assertThat(SmartThingsApiContract.ids(json(http().get("/devices", "Authorization", "Bearer " + token))
                .get("items"))).doesNotContain(stove).hasSize(3);
        SmartThingsApiContract.error(http().get("/devices/" + stove + "/status", "Authorization", "Bearer " + token),
                404, "NotFoundError");
        SmartThingsApiContract.error(http().get("/locations/" + cabin, "Authorization", "Bearer " + token), 404,
                "NotFoundError");
        assertThat(http().postJson("/devices/" + f.lampId() + "/commands", SmartThingsApiContract.switchCommand("on"),
                "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);

        String installation = null;
        for (JsonNode i : json(http().get("/api/installations", "Authorization", f.basic()))) {
            if (i.get("smartAppId").asText().equals(f.appId())) {
                installation = i.get("id").asText();
            }
        }
        assertThat(installation).isNotNull();
        assertThat(http().send("DELETE", "/api/installations/" + installation, null, "Authorization", f.basic())
                .statusCode()).isEqualTo(204);
        SmartThingsApiContract.error(http().get("/devices", "Authorization", "Bearer " + token), 401,
                "UnauthorizedError");
    }

    @Test
    void aNameThatCouldLeaveItsQuotesIsRefused() {
        Fixture f = fixture();
        for (String name : List.of("x') ; System.exit(0) ; ('", "a\\b", "${evil}", "")) {
            HttpResponse<String> refused = http().postJson("/api/api-clients", Map.of("name", name,
                    "redirectUris", List.of(f.redirectUri()), "scopes", List.of("r:devices:*")), "Authorization",
                    f.basic());
            assertThat(refused.statusCode()).as(name).isEqualTo(400);
        }
        assertThat(http().postJson("/api/api-clients", Map.of("name", "ok", "redirectUris", List.of(f.redirectUri()),
                "scopes", List.of("w:everything")), "Authorization", f.basic()).statusCode()).isEqualTo(400);
    }
}
