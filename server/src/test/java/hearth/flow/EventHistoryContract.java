package hearth.flow;

import hearth.device.DeviceRepository;
import hearth.engine.api.DeviceEvent;
import hearth.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Device and Location history over HTTP, on each database: what a classic SmartApp's history calls
 * answer (newest first, 10 unless max, dates inclusive, only what the Server still keeps), what
 * {@code GET /api/devices/{id}/events} answers its owner (and nobody else), and the pages that
 * list a device's recent events.
 */
abstract class EventHistoryContract extends HearthTestBase {
    @Autowired
    DeviceRepository deviceEvents;

    /** The lamp's commands, a minute apart: each one event, oldest first. */
    private static final List<List<Object>> COMMANDS = List.of(List.of("on"), List.of("setLevel", 20), List.of("off"),
            List.of("setLevel", 40), List.of("on"), List.of("setLevel", 60), List.of("off"), List.of("setLevel", 80),
            List.of("on"), List.of("setLevel", 100), List.of("off"), List.of("setLevel", 30));

    private record Setup(Fixture f, String uri, String token, List<Instant> times) {
    }

    private Setup setUp() {
        // long-lived tokens: the retention test moves the clock a week on
        Fixture f = fixture(resource("apps/event-history-test.groovy"), List.of("*"), Map.of("legacyTokens", true));
        List<Instant> times = new ArrayList<>();
        for (List<Object> c : COMMANDS) {
            clock.advance(Duration.ofMinutes(1));
            HttpResponse<String> sent = http().postJson("/api/devices/" + f.lampId() + "/commands",
                    Map.of("command", c.get(0), "arguments", c.subList(1, c.size())), "Authorization", f.basic());
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
            times.add(clock.instant());
        }
        String token = token(f);
        return new Setup(f, endpoint(token).get("uri").asText(), token, times);
    }

    private JsonNode ask(Setup s, String form, String query) {
        HttpResponse<String> r = http().get(s.uri() + "/h/" + form + (query.isEmpty() ? "" : "?" + query),
                "Authorization", "Bearer " + s.token());
        assertThat(r.statusCode()).as(form + ": " + r.body()).isEqualTo(200);
        return json(r);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Half a minute after the i-th command (0-based): between it and the next. */
    private static long after(Setup s, int i) {
        return s.times().get(i).plusSeconds(30).toEpochMilli();
    }

    @Test
    void theDslFormsAnswerAsClassic() {
        Setup s = setUp();
        assertThat(texts(ask(s, "events", ""))).containsExactly("level=30", "switch=off", "level=100", "switch=on",
                "level=80", "switch=off", "level=60", "switch=on", "level=40", "switch=off");
        assertThat(texts(ask(s, "eventsMax", "max=3"))).containsExactly("30", "off", "100");
        assertThat(texts(ask(s, "eventsMax", "max=50"))).hasSize(12).endsWith("on");
        assertThat(texts(ask(s, "since", "from=" + after(s, 8)))).containsExactly("30", "off", "100");
        assertThat(texts(ask(s, "sinceMax", "from=" + after(s, 2)))).containsExactly("30", "off");
        assertThat(texts(ask(s, "between", "from=" + after(s, 3) + "&to=" + after(s, 6))))
                .containsExactly("off", "60", "on");
        // the bounds are inclusive: an event at exactly "from" or "to" is in
        List<DeviceEvent> stored = deviceEvents.events(s.f().lampId(), 20);
        long exact = stored.get(8).date().toEpochMilli(); // the 4th command's event (level 40)
        assertThat(texts(ask(s, "between", "from=" + exact + "&to=" + (exact + 1)))).containsExactly("40");
        assertThat(texts(ask(s, "statesSince", "from=" + after(s, 2)))).containsExactly("30", "100", "80", "60", "40");
        assertThat(texts(ask(s, "statesBetween", "from=" + after(s, 0) + "&to=" + after(s, 7))))
                .containsExactly("off");

        JsonNode state = ask(s, "state", "");
        assertThat(state.get("name").asText()).isEqualTo("level");
        assertThat(state.get("value").asText()).isEqualTo("30");
        assertThat(state.get("date").asLong() / 1000).isEqualTo(s.times().get(11).toEpochMilli() / 1000);
        assertThat(state.get("latest").asText()).isEqualTo("off");
        JsonNode event = ask(s, "event", "");
        assertThat(event.get("name").asText()).isEqualTo("level");
        assertThat(event.get("value").asText()).isEqualTo("30");
        assertThat(event.get("device").asText()).isEqualTo(s.f().lampId());
        assertThat(event.get("displayName").asText()).isEqualTo("Lamp");
        assertThat(event.get("id").asText()).isEqualTo(stored.get(0).id());
    }

    @Test
    void theLocationsHistoryIsItsModeChangesNewestFirst() {
        Setup s = setUp();
        long before = clock.instant().toEpochMilli();
        for (String mode : List.of("Away", "Night", "Home")) {
            clock.advance(Duration.ofMinutes(1));
            HttpResponse<String> set = http().send("PUT", s.uri() + "/mode/" + mode, "",
                    "Authorization", "Bearer " + s.token());
            assertThat(set.statusCode()).as(set.body()).isIn(200, 204);
        }
        assertThat(texts(ask(s, "modes", ""))).containsExactly("Home", "Night", "Away");
        assertThat(texts(ask(s, "modesSince", "from=" + (before + 90_000)))).containsExactly("mode=Home", "mode=Night");
    }

    @Test
    void historyOlderThanTheRetentionIsNoLongerAnswered() {
        Setup s = setUp();
        clock.advance(Duration.ofDays(7).minusMinutes(6)); // the first six commands are now over seven days old
        assertThat(texts(ask(s, "eventsMax", "max=50"))).containsExactly("30", "off", "100", "on", "80", "off");
        HttpResponse<String> api = http().get("/api/devices/" + s.f().lampId() + "/events?limit=1000",
                "Authorization", s.f().basic());
        assertThat(json(api)).hasSize(6);
    }

    @Test
    void theApiAnswersTheOwnerWithSinceAndLimitAndRefusesBadOnes() {
        Setup s = setUp();
        String path = "/api/devices/" + s.f().lampId() + "/events";
        JsonNode all = json(http().get(path, "Authorization", s.f().basic()));
        assertThat(all).hasSize(12);
        assertThat(all.get(0).get("name").asText()).isEqualTo("level");
        assertThat(all.get(0).get("value").asInt()).isEqualTo(30);
        assertThat(all.get(0).get("deviceId").asText()).isEqualTo(s.f().lampId());
        assertThat(Instant.parse(all.get(0).get("date").asText())).isAfter(Instant.parse(all.get(1).get("date").asText()));

        JsonNode limited = json(http().get(path + "?limit=2", "Authorization", s.f().basic()));
        assertThat(limited).hasSize(2);
        assertThat(limited.get(1).get("value").asText()).isEqualTo("off");
        String since = Instant.ofEpochMilli(after(s, 8)).toString();
        JsonNode recent = json(http().get(path + "?since=" + Http.encode(since), "Authorization", s.f().basic()));
        assertThat(recent).hasSize(3);

        for (String bad : List.of("since=yesterday", "since=2026-13-01T00:00:00Z", "limit=0", "limit=1001",
                "limit=ten", "limit=-5")) {
            HttpResponse<String> refused = http().get(path + "?" + bad, "Authorization", s.f().basic());
            assertThat(refused.statusCode()).as(bad + ": " + refused.body()).isEqualTo(400);
            assertThat(json(refused).get("error").asText()).as(bad).isEqualTo("invalid_request");
            assertThat(json(refused).get("error_description").asText()).as(bad)
                    .contains(bad.startsWith("since") ? "since" : "limit");
        }

        Fixture other = fixture(resource("apps/event-history-test.groovy"), List.of("*"));
        HttpResponse<String> stranger = http().get(path, "Authorization", other.basic());
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(stranger.body()).doesNotContain("level");
    }

    @Test
    void theLocationsAndConnectedAppsPagesShowRecentEventsAsText() {
        Setup s = setUp();
        // a hub's device reports whatever text it likes
        deviceEvents.insertEvent(new DeviceEvent(UUID.randomUUID().toString(), s.f().lampId(), "switch",
                "<script>alert('x')</script>", null, clock.instant().plusSeconds(1)));
        Http browser = http();
        HttpResponse<String> apps = signInAndFollow(browser, "/apps", s.f().username(), s.f().password(), "/apps");
        assertThat(apps.statusCode()).isEqualTo(200);
        assertThat(apps.body()).contains("Recent events of Lamp").contains("&lt;script&gt;alert(")
                .doesNotContain("<script>alert(").contains("Level").contains("30");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("recent-events").contains("&lt;script&gt;alert(")
                .doesNotContain("<script>alert(");
    }
}
