package hearth.flow;

import hearth.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modern SmartThings REST API over HTTP, with a classic Installation's token: it reaches
 * that Installation's Location and exactly its chosen devices (the lamp and the kitchen switch,
 * not the lock). Runs once per database (see the subclasses).
 */
abstract class SmartThingsApiContract extends HearthTestBase {
    static final String VERSIONED = "application/vnd.smartthings+json;v=20170916";
    /** Executions a caller has in a window: small, so a test reaches it quickly. */
    static final int LIMIT = 40;

    @DynamicPropertySource
    static void limit(DynamicPropertyRegistry registry) {
        registry.add("hearth.rate-limit.executions", () -> Integer.toString(LIMIT));
    }

    HttpResponse<String> get(String token, String path) {
        return http().get(path, "Authorization", "Bearer " + token, "Accept", VERSIONED);
    }

    JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return json(response);
    }

    HttpResponse<String> command(String token, String path, Object body) {
        return http().postJson(path, body, "Authorization", "Bearer " + token, "Accept", VERSIONED);
    }

    static Map<String, Object> switchCommand(String command) {
        return Map.of("commands", List.of(Map.of("component", "main", "capability", "switch", "command", command,
                "arguments", List.of())));
    }

    /** The error body SmartThings answers: requestId, and error with code, message and details. */
    static JsonNode error(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("requestId").asText()).isNotBlank();
        assertThat(body.get("error").get("code").asText()).isEqualTo(code);
        assertThat(body.get("error").get("message").asText()).isNotBlank();
        assertThat(body.get("error").get("details").isArray()).isTrue();
        return body.get("error");
    }

    @Test
    void locationsAnswerWithAndWithoutV1AndAcceptTheVersionedMediaType() {
        Fixture f = fixture();
        String token = token(f);
        for (String prefix : List.of("", "/v1")) {
            JsonNode list = ok(get(token, prefix + "/locations"));
            assertThat(list.get("items")).hasSize(1);
            assertThat(list.get("items").get(0).get("locationId").asText()).isEqualTo(f.locationId());
            assertThat(list.get("items").get(0).get("name").asText()).isEqualTo("Home");
            assertThat(list.get("_links").has("next")).isFalse();
            JsonNode location = ok(get(token, prefix + "/locations/" + f.locationId()));
            assertThat(location.get("timeZoneId").asText()).isEqualTo("UTC");
            assertThat(ok(get(token, prefix + "/locations/" + f.locationId() + "/rooms")).get("items")).isEmpty();
        }
        assertThat(http().get("/v1/locations", "Authorization", "Bearer " + token, "Accept", "application/json")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void roomsAreTheRoomsTheLocationsDevicesAreInAndEachDeviceNamesItsRoom() {
        Fixture f = fixture();
        String token = token(f);
        for (Map.Entry<String, String> placed : Map.of(f.lampId(), "Living room", f.kitchenId(), "Kitchen",
                f.lockId(), "Kitchen").entrySet()) {
            HttpResponse<String> put = http().putJson("/api/devices/" + placed.getKey() + "/room",
                    Map.of("room", placed.getValue()), "Authorization", f.basic());
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            assertThat(json(put).get("room").asText()).isEqualTo(placed.getValue());
        }
        JsonNode rooms = ok(get(token, "/v1/locations/" + f.locationId() + "/rooms")).get("items");
        assertThat(rooms.findValuesAsString("name")).containsExactly("Kitchen", "Living room");
        assertThat(rooms.get(0).get("locationId").asText()).isEqualTo(f.locationId());
        String kitchen = rooms.get(0).get("roomId").asText();
        assertThat(ok(get(token, "/devices/" + f.kitchenId())).get("roomId").asText()).isEqualTo(kitchen);
        assertThat(ok(get(token, "/devices/" + f.lampId())).get("roomId").asText())
                .isEqualTo(rooms.get(1).get("roomId").asText());
        // Out of every room: the room goes when its last device leaves; the id stays the name's.
        http().putJson("/api/devices/" + f.lampId() + "/room", java.util.Collections.singletonMap("room", null),
                "Authorization", f.basic());
        JsonNode unplaced = ok(get(token, "/devices/" + f.lampId())).path("roomId");
        assertThat(unplaced.isNull() || unplaced.isMissingNode()).as("no roomId: " + unplaced).isTrue();
        JsonNode left = ok(get(token, "/locations/" + f.locationId() + "/rooms")).get("items");
        assertThat(left.findValuesAsString("roomId")).containsExactly(kitchen);
        HttpResponse<String> tooLong = http().putJson("/api/devices/" + f.lampId() + "/room", Map.of("room",
                "x".repeat(101)), "Authorization", f.basic());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 100 characters");
    }

    @Test
    void devicesListOnlyTheChosenOnesAndFilterByCapabilityIdAndLocation() {
        Fixture f = fixture();
        String token = token(f);
        JsonNode all = ok(get(token, "/devices")).get("items");
        assertThat(ids(all)).containsExactly(f.lampId(), f.kitchenId());
        JsonNode lamp = all.get(0);
        assertThat(lamp.get("label").asText()).isEqualTo("Lamp");
        assertThat(lamp.get("locationId").asText()).isEqualTo(f.locationId());
        assertThat(lamp.get("components").get(0).get("id").asText()).isEqualTo("main");
        assertThat(lamp.get("components").get(0).get("capabilities").toString())
                .contains("\"id\":\"switch\"").contains("\"id\":\"switchLevel\"");

        assertThat(ids(ok(get(token, "/v1/devices?capability=switchLevel")).get("items")))
                .containsExactly(f.lampId());
        assertThat(ids(ok(get(token, "/devices?capability=switch&capability=switchLevel")).get("items")))
                .containsExactly(f.lampId());
        assertThat(ids(ok(get(token, "/devices?capability=switchLevel&capability=lock&capabilitiesMode=or"))
                .get("items"))).containsExactly(f.lampId());
        assertThat(ids(ok(get(token, "/devices?deviceId=" + f.kitchenId() + "&deviceId=" + f.lockId()))
                .get("items"))).containsExactly(f.kitchenId());
        assertThat(ids(ok(get(token, "/devices?locationId=" + f.locationId())).get("items"))).hasSize(2);
        assertThat(ok(get(token, "/devices?capability=lock")).get("items")).isEmpty();
    }

    @Test
    void devicesPageWithANextLinkOnTheSameOriginThatKeepsTheFilters() {
        Fixture f = fixture();
        String token = token(f);
        JsonNode first = ok(get(token, "/devices?capability=switch&max=1"));
        assertThat(ids(first.get("items"))).containsExactly(f.lampId());
        String next = first.get("_links").get("next").get("href").asText();
        assertThat(next).startsWith(base() + "/devices?").contains("capability=switch").contains("page=1");
        JsonNode second = ok(get(token, next));
        assertThat(ids(second.get("items"))).containsExactly(f.kitchenId());
        assertThat(second.get("_links").has("next")).isFalse();
        String v1 = ok(get(token, "/v1/devices?max=1")).get("_links").get("next").get("href").asText();
        assertThat(v1).startsWith(base() + "/v1/devices?");
    }

    @Test
    void statusShowsEachCapabilityOfMainInTheModernShape() {
        Fixture f = fixture();
        String token = token(f);
        JsonNode status = ok(get(token, "/devices/" + f.lampId() + "/status"));
        JsonNode main = status.get("components").get("main");
        assertThat(main.get("switch").get("switch").get("value").asText()).isEqualTo("off");
        assertThat(Instant.parse(main.get("switch").get("switch").get("timestamp").asText())).isNotNull();
        assertThat(main.get("switchLevel").has("level")).isTrue();
        JsonNode one = ok(get(token, "/v1/devices/" + f.lampId() + "/components/main/capabilities/switch/status"));
        assertThat(one.get("switch").get("value").asText()).isEqualTo("off");
        JsonNode health = ok(get(token, "/devices/" + f.lampId() + "/health"));
        assertThat(health.get("state").asText()).isEqualTo("ONLINE");
        assertThat(health.get("deviceId").asText()).isEqualTo(f.lampId());
        JsonNode device = ok(get(token, "/devices/" + f.lampId()));
        assertThat(device.get("deviceId").asText()).isEqualTo(f.lampId());

        error(get(token, "/devices/" + f.lampId() + "/components/main/capabilities/lock/status"), 404, "NotFoundError");
        error(get(token, "/devices/" + f.lampId() + "/components/side/capabilities/switch/status"), 404,
                "NotFoundError");
    }

    @Test
    void commandsAreAcceptedAndChangeTheDeviceAsTheManagementApiSeesIt() {
        Fixture f = fixture();
        String token = token(f);
        HttpResponse<String> on = command(token, "/devices/" + f.lampId() + "/commands", Map.of("commands", List.of(
                Map.of("component", "main", "capability", "switch", "command", "on", "arguments", List.of()),
                Map.of("capability", "switchLevel", "command", "setLevel", "arguments", List.of(40)))));
        JsonNode results = ok(on).get("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(results.get(0).get("id").asText()).isNotBlank();
        JsonNode attributes = json(http().get("/api/devices/" + f.lampId(), "Authorization", f.basic()))
                .get("attributes");
        assertThat(attributes.get("switch").get("value").asText()).isEqualTo("on");
        assertThat(attributes.get("level").get("value").asInt()).isEqualTo(40);
        JsonNode level = ok(get(token, "/devices/" + f.lampId() + "/components/main/capabilities/switchLevel/status"));
        assertThat(level.get("level").get("value").asInt()).isEqualTo(40);
        assertThat(level.get("level").get("unit").asText()).isEqualTo("%");
        ok(command(token, "/v1/devices/" + f.lampId() + "/commands", switchCommand("off")));
        assertThat(ok(get(token, "/devices/" + f.lampId() + "/status")).get("components").get("main").get("switch")
                .get("switch").get("value").asText()).isEqualTo("off");
    }

    @Test
    void aCommandReachesTheSmartAppsSubscribedToTheDevice() {
        Fixture f = fixture(resource("apps/automation-test.groovy"), List.of("*"));
        String code = authorize(f, Map.of("switches", List.of(f.lampId())));
        String token = json(exchange(f, code)).get("access_token").asText();
        String uri = endpoint(token).get("uri").asText();
        ok(command(token, "/devices/" + f.lampId() + "/commands", switchCommand("on")));
        eventually(() -> http().get(uri + "/log", "Authorization", "Bearer " + token).body().contains("Lamp:on"),
                "the subscribed handler ran");
    }

    @Test
    void wrongCommandsAreConstraintViolationsNamingTheFieldAndChangeNothing() {
        Fixture f = fixture();
        String token = token(f);
        String path = "/devices/" + f.lampId() + "/commands";
        JsonNode unknown = error(command(token, path, switchCommand("dance")), 422, "ConstraintViolationError");
        assertThat(unknown.get("details").get(0).get("target").asText()).isEqualTo("commands[0].command");
        assertThat(unknown.get("details").get(0).get("message").asText()).contains("dance").contains("on");
        JsonNode capability = error(command(token, path, Map.of("commands", List.of(Map.of("capability", "lock",
                "command", "lock")))), 422, "ConstraintViolationError");
        assertThat(capability.get("details").get(0).get("target").asText()).isEqualTo("commands[0].capability");
        JsonNode range = error(command(token, path, Map.of("commands", List.of(Map.of("capability", "switchLevel",
                "command", "setLevel", "arguments", List.of(400))))), 422, "ConstraintViolationError");
        assertThat(range.get("details").get(0).get("message").asText()).contains("between");
        // The first command is checked with the second: neither runs.
        error(command(token, path, Map.of("commands", List.of(Map.of("capability", "switch", "command", "on"),
                Map.of("capability", "switch", "command", "explode")))), 422, "ConstraintViolationError");
        assertThat(json(http().get("/api/devices/" + f.lampId(), "Authorization", f.basic())).get("attributes")
                .get("switch").get("value").asText()).isEqualTo("off");
        error(command(token, path, Map.of("commands", List.of())), 422, "ConstraintViolationError");
        error(http().send("POST", path, "{not json", "Authorization", "Bearer " + token, "Content-Type",
                "application/json"), 400, "ConstraintViolationError");
    }

    @Test
    void commandsInTheModernSpellingRunTheirCapabilitysCommandAndAWrongOneSaysWhatToSend() {
        Fixture f = fixture();
        String bulb = json(http().postJson("/api/locations/" + f.locationId() + "/devices", Map.of("label", "Bulb",
                "capabilities", List.of("switch", "switchLevel", "colorTemperature", "thermostat")),
                "Authorization", f.basic())).get("id").asText();
        String token = json(http().postJson("/api/tokens", Map.of("name", "all", "scopes", List.of("r:devices:*",
                "x:devices:*")), "Authorization", f.basic())).get("token").asText();
        String path = "/devices/" + bulb + "/commands";
        ok(command(token, path, Map.of("commands", List.of(
                Map.of("capability", "switch", "command", "on"),
                Map.of("capability", "colorTemperature", "command", "setColorTemperature", "arguments", List.of(2700)),
                Map.of("capability", "thermostatHeatingSetpoint", "command", "setHeatingSetpoint",
                        "arguments", List.of(68)),
                Map.of("capability", "thermostatMode", "command", "heat")))));
        // 'off' is both the switch's and the thermostat's: the capability sent picks which runs.
        ok(command(token, path, Map.of("commands", List.of(Map.of("capability", "thermostatMode", "command", "off")))));
        JsonNode main = ok(get(token, "/devices/" + bulb + "/status")).get("components").get("main");
        assertThat(main.get("switch").get("switch").get("value").asText()).isEqualTo("on");
        assertThat(main.get("colorTemperature").get("colorTemperature").get("value").asInt()).isEqualTo(2700);
        assertThat(main.get("colorTemperature").get("colorTemperature").get("unit").asText()).isEqualTo("K");
        assertThat(main.get("thermostatHeatingSetpoint").get("heatingSetpoint").get("value").asInt()).isEqualTo(68);
        assertThat(main.get("thermostatMode").get("thermostatMode").get("value").asText()).isEqualTo("off");
        ok(command(token, path, Map.of("commands", List.of(Map.of("capability", "switch", "command", "off")))));
        assertThat(ok(get(token, "/devices/" + bulb + "/components/main/capabilities/thermostatMode/status"))
                .get("thermostatMode").get("value").asText()).isEqualTo("off");

        JsonNode elsewhere = error(command(token, path, Map.of("commands", List.of(Map.of("capability", "switch",
                "command", "setLevel", "arguments", List.of(20))))), 422, "ConstraintViolationError");
        assertThat(elsewhere.get("details").get(0).get("target").asText()).isEqualTo("commands[0].command");
        assertThat(elsewhere.get("details").get(0).get("message").asText())
                .contains("'setLevel' is a command of capability 'switchLevel'");
        JsonNode classic = error(command(token, path, Map.of("commands", List.of(Map.of("capability",
                "Switch Level", "command", "setLevel")))), 422, "ConstraintViolationError");
        assertThat(classic.get("details").get(0).get("target").asText()).isEqualTo("commands[0].capability");
        assertThat(classic.get("details").get(0).get("message").asText()).contains("spells it 'switchLevel'");
        JsonNode renamed = error(command(token, path, Map.of("commands", List.of(Map.of("capability",
                "thermostat", "command", "heat")))), 422, "ConstraintViolationError");
        assertThat(renamed.get("details").get(0).get("message").asText())
                .contains("'thermostatMode' or 'thermostatHeatingSetpoint'");
        JsonNode none = error(command(token, path, Map.of("commands", List.of(Map.of("capability", "switch")))),
                422, "ConstraintViolationError");
        assertThat(none.get("details").get(0).get("message").asText()).contains("command is required")
                .contains("[on, off]");
        assertThat(error(get(token, "/devices/" + bulb + "/components/main/capabilities/thermostat/status"), 404,
                "NotFoundError").get("message").asText()).contains("'thermostatMode'");
    }

    @Test
    void aMissingOrWrongTokenIs401InTheApisOwnForm() {
        Fixture f = fixture();
        HttpResponse<String> none = http().get("/v1/devices");
        assertThat(error(none, 401, "UnauthorizedError").get("message").asText()).contains("Authorization: Bearer");
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
        error(get("not-a-token", "/devices"), 401, "UnauthorizedError");
        error(http().get("/v1/devices", "Authorization", f.basic()), 401, "UnauthorizedError");
        error(http().get("/v1/scenes", "Authorization", "Bearer " + token(f)), 404, "NotFoundError");
    }

    @Test
    void aDeviceNotChosenIs403NamingTheMissingScope() {
        Fixture f = fixture();
        String token = token(f);
        HttpResponse<String> read = get(token, "/devices/" + f.lockId() + "/status");
        JsonNode error = error(read, 403, "ForbiddenError");
        assertThat(error.get("message").asText()).contains("r:devices:" + f.lockId());
        assertThat(read.headers().firstValue("WWW-Authenticate").orElse(""))
                .contains("error=\"insufficient_scope\"").contains("scope=\"r:devices:" + f.lockId() + "\"");
        HttpResponse<String> execute = command(token, "/devices/" + f.lockId() + "/commands", Map.of("commands",
                List.of(Map.of("capability", "lock", "command", "unlock"))));
        assertThat(error(execute, 403, "ForbiddenError").get("message").asText()).contains("x:devices:" + f.lockId());
        assertThat(json(http().get("/api/devices/" + f.lockId(), "Authorization", f.basic())).get("attributes")
                .get("lock").get("value").asText()).isEqualTo("locked");
    }

    @Test
    void anotherAccountsIdsAre404AsIfTheyDidNotExist() {
        Fixture mine = fixture();
        Fixture theirs = fixture();
        String token = token(mine);
        String unknown = "00000000-0000-0000-0000-000000000000";
        for (String path : List.of("/devices/%s", "/devices/%s/status", "/devices/%s/health",
                "/devices/%s/components/main/capabilities/switch/status")) {
            JsonNode other = error(get(token, path.formatted(theirs.lampId())), 404, "NotFoundError");
            JsonNode none = error(get(token, path.formatted(unknown)), 404, "NotFoundError");
            assertThat(other.get("message").asText().replace(theirs.lampId(), "ID"))
                    .isEqualTo(none.get("message").asText().replace(unknown, "ID"));
        }
        error(command(token, "/devices/" + theirs.lampId() + "/commands", switchCommand("on")), 404, "NotFoundError");
        assertThat(json(http().get("/api/devices/" + theirs.lampId(), "Authorization", theirs.basic()))
                .get("attributes").get("switch").get("value").asText()).isEqualTo("off");
        error(get(token, "/locations/" + theirs.locationId()), 404, "NotFoundError");
        error(get(token, "/locations/" + theirs.locationId() + "/rooms"), 404, "NotFoundError");
        assertThat(ok(get(token, "/devices?locationId=" + theirs.locationId())).get("items")).isEmpty();
        assertThat(ok(get(token, "/devices?deviceId=" + theirs.lampId())).get("items")).isEmpty();
    }

    @Test
    void aTamperedPageCursorIs400NamingItOrAnEmptyPageNeverMore() {
        Fixture f = fixture();
        fixture();
        String token = token(f);
        for (String query : List.of("page=-1", "page=abc", "page=99999999999", "max=0", "max=201", "max=1&max=2",
                "capabilitiesMode=xor")) {
            JsonNode error = error(get(token, "/devices?" + query), 400, "ConstraintViolationError");
            assertThat(error.get("details").get(0).get("target").asText()).isEqualTo(query.replaceAll("=.*", ""));
        }
        JsonNode beyond = ok(get(token, "/devices?page=7&max=1"));
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("_links").has("next")).isFalse();
        // Walking every page with any page size shows exactly the chosen devices.
        for (int max = 1; max <= 3; max++) {
            List<String> seen = new ArrayList<>();
            String next = "/devices?max=" + max;
            while (next != null) {
                JsonNode page = ok(get(token, next));
                seen.addAll(ids(page.get("items")));
                next = page.get("_links").has("next") ? page.get("_links").get("next").get("href").asText() : null;
            }
            assertThat(seen).containsExactly(f.lampId(), f.kitchenId());
        }
    }

    @Test
    void theHomePagesOfTheSamePathsStillAnswerBrowsers() {
        Fixture f = fixture();
        HttpResponse<String> page = http().get("/devices/" + f.lampId());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void aCallerOverItsExecutionLimitIs429WithRetryAfterUntilTheWindowEnds() {
        Fixture f = fixture();
        String token = token(f);
        HttpResponse<String> last = null;
        int allowed = 0;
        for (int i = 0; i <= LIMIT && (last == null || last.statusCode() == 200); i++) {
            last = get(token, i % 2 == 0 ? "/devices" : "/v1/locations");
            allowed += last.statusCode() == 200 ? 1 : 0;
        }
        assertThat(allowed).isLessThanOrEqualTo(LIMIT).isGreaterThan(LIMIT / 2);
        JsonNode error = error(last, 429, "TooManyRequestError");
        assertThat(error.get("message").asText()).contains(LIMIT + " calls").contains("Retry-After");
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        // Commands count too, and change nothing once refused.
        error(command(token, "/devices/" + f.lampId() + "/commands", switchCommand("on")), 429, "TooManyRequestError");
        assertThat(json(http().get("/api/devices/" + f.lampId(), "Authorization", f.basic())).get("attributes")
                .get("switch").get("value").asText()).isEqualTo("off");
        // The limit is the caller's: a personal access token of the same account has its own.
        HttpResponse<String> created = http().postJson("/api/tokens", Map.of("name", "limits", "scopes",
                List.of("r:devices:*")), "Authorization", f.basic());
        ok(get(json(created).get("token").asText(), "/devices"));
        clock.advance(Duration.ofSeconds(61));
        ok(get(token, "/devices"));
    }

    @Test
    void aBodyOverTheCapIs413AndOneNotJsonIs415NeitherRuns() {
        Fixture f = fixture();
        String token = token(f);
        String path = "/devices/" + f.lampId() + "/commands";
        String huge = "{\"commands\":[{\"capability\":\"switch\",\"command\":\"on\",\"arguments\":[\""
                + "x".repeat(20_000) + "\"]}]}";
        HttpResponse<String> tooLarge = http().send("POST", path, huge, "Authorization", "Bearer " + token,
                "Content-Type", "application/json");
        assertThat(error(tooLarge, 413, "PayloadTooLargeError").get("message").asText()).contains("16384 bytes");
        HttpResponse<String> text = http().send("POST", path, "on", "Authorization", "Bearer " + token,
                "Content-Type", "text/plain");
        assertThat(error(text, 415, "UnsupportedMediaTypeError").get("message").asText())
                .contains("application/json");
        assertThat(json(http().get("/api/devices/" + f.lampId(), "Authorization", f.basic())).get("attributes")
                .get("switch").get("value").asText()).isEqualTo("off");
        // The API's own media type is JSON too.
        ok(http().send("POST", path, "{\"commands\":[{\"capability\":\"switch\",\"command\":\"on\"}]}",
                "Authorization", "Bearer " + token, "Content-Type", VERSIONED));
    }

    @Test
    void anExpiredTokenIs401SayingSoAndItsRefreshTokenGetsOneThatWorks() {
        Fixture f = fixture();
        JsonNode tokens = json(exchange(f, authorize(f, Map.of("switches", List.of(f.lampId())))));
        clock.advance(Duration.ofHours(25));
        String old = tokens.get("access_token").asText();
        assertThat(error(get(old, "/v1/devices"), 401, "UnauthorizedError").get("message").asText())
                .contains("expired");
        HttpResponse<String> refreshed = http().postForm("/oauth/token", Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").asText()),
                "Authorization", Http.basic(f.clientId(), f.clientSecret()));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        String fresh = json(refreshed).get("access_token").asText();
        assertThat(ids(ok(get(fresh, "/devices")).get("items"))).containsExactly(f.lampId());
        ok(command(fresh, "/devices/" + f.lampId() + "/commands", switchCommand("on")));
        error(get(old, "/devices"), 401, "UnauthorizedError");
    }

    @Test
    void unprefixedCallsNeedOnlyAuthorizationBearerAndShadowNeitherPagesNorTheClassicApi() {
        Fixture f = fixture();
        String token = token(f);
        // Nothing but the token: no Accept, no Content-Type on the GET.
        HttpResponse<String> device = http().get("/devices/" + f.lampId(), "Authorization", "Bearer " + token);
        assertThat(ok(device).get("deviceId").asText()).isEqualTo(f.lampId());
        ok(http().get("/devices/" + f.lampId(), "Authorization", "bearer " + token));
        ok(http().postJson("/devices/" + f.kitchenId() + "/commands", switchCommand("on"), "Authorization",
                "Bearer " + token));

        // A browser behind a proxy that adds its own Basic header still gets the pages of the same paths.
        Http browser = http();
        String proxy = Http.basic("proxy-user", "proxy-password");
        HttpResponse<String> page = signInAndFollow(browser, "/devices/" + f.lampId(), f.username(), f.password(),
                "/devices/" + f.lampId());
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> proxied = browser.get("/devices/" + f.lampId(), "Authorization", proxy);
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(proxied.body()).contains("Lamp");
        HttpResponse<String> pressed = browser.postForm("/devices/" + f.lampId() + "/commands", Map.of("command",
                "on", "back", "device", "_csrf", Http.csrf(proxied.body())), "Authorization", proxy);
        assertThat(pressed.statusCode()).as(pressed.body()).isEqualTo(302);
        assertThat(pressed.headers().firstValue("Location").orElse("")).endsWith("/devices/" + f.lampId());
        assertThat(json(http().get("/api/devices/" + f.lampId(), "Authorization", f.basic())).get("attributes")
                .get("switch").get("value").asText()).isEqualTo("on");
        // The management API's Basic and the classic API's bearer paths answer as before.
        assertThat(http().get("/api/devices/" + f.lampId(), "Authorization", f.basic()).statusCode()).isEqualTo(200);
        assertThat(endpoint(token).get("uri").asText()).contains("/api/smartapps/installations/");
        // With /v1 a Basic header is the API's 401, saying what to send.
        assertThat(error(http().get("/v1/devices", "Authorization", f.basic()), 401, "UnauthorizedError")
                .get("message").asText()).contains("Bearer");
    }

    static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("deviceId").asText()));
        return ids;
    }

    static void eventually(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 15 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
