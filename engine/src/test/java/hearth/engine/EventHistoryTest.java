package hearth.engine;

import hearth.engine.api.AppEvent;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.HandlerOutcome.Response;
import hearth.engine.api.SmartApp;
import hearth.engine.support.FakeContext;
import hearth.engine.support.FakeDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import groovy.json.JsonSlurper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static hearth.engine.support.Engines.app;
import static hearth.engine.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Device and Location history as classic SmartApps read it (the classic Device reference):
 * {@code events}, {@code eventsSince}, {@code eventsBetween}, {@code statesSince},
 * {@code statesBetween}: newest first, 10 unless {@code [max: n]}, never more than 1000, dates
 * inclusive; {@code currentState}/{@code latestState} with {@code value}, {@code date},
 * {@code unit}, {@code name} and the typed values.
 */
class EventHistoryTest {
    static final SmartAppEngine engine = hearth.engine.support.Engines.quick();
    static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // what a Date holds

    @AfterAll
    static void close() {
        engine.close();
    }

    static final String APP = """
            preferences { section { input "lamp", "capability.switchLevel" } }
            mappings { path("/h/:form") { action: [GET: "history"] } }
            def ago(minutes) { new Date((settings.now as long) - (minutes * 60_000L as long)) }
            def history() {
              switch (params.form) {
                case "events": return lamp.events()*.value
                case "events3": return lamp.events(max: 3)*.value
                case "eventsAll": return lamp.events(max: 5000).size()
                case "eventsNone": return lamp.events(max: 0).size()
                case "since": return lamp.eventsSince(ago(4.5))*.value
                case "sinceMax": return lamp.eventsSince(ago(30), [max: 2])*.value
                case "sinceNamed": return lamp.eventsSince(ago(30), max: 2)*.value
                case "between": return lamp.eventsBetween(ago(8), ago(3))*.value
                case "betweenMax": return lamp.eventsBetween(ago(30), ago(3), [max: 1])*.value
                case "statesSince": return lamp.statesSince("level", ago(30))*.integerValue
                case "statesSinceMax": return lamp.statesSince("switch", ago(30), [max: 1])*.value
                case "statesBetween": return lamp.statesBetween("level", ago(30), ago(7))*.value
                case "event":
                  def e = lamp.events(max: 1)[0]
                  return [name: e.name, value: e.value, unit: e.unit, number: e.numberValue, integer: e.integerValue,
                          deviceId: e.deviceId, device: e.device.id, displayName: e.displayName, id: e.id != null,
                          isDate: e.date instanceof Date, stateChange: e.isStateChange(), source: e.source]
                case "state":
                  def s = lamp.statesSince("level", ago(30), [max: 1])[0]
                  return [name: s.name, value: s.value, unit: s.unit, double: s.doubleValue, isDate: s.date instanceof Date]
                case "current":
                  def c = lamp.currentState("level"); def l = lamp.latestState("switch")
                  return [name: c.name, value: c.value, unit: c.unit, integer: c.integerValue, date: c.date.time,
                          latest: l.value, latestName: l.name, missing: lamp.currentState("nope")]
                case "mode": return location.events()*.value
                case "modeSince": return location.eventsSince(ago(45)).collect { [it.name, it.value, it.displayName] }
                case "modeBetween": return location.eventsBetween(ago(100), ago(45), [max: 1])*.value
              }
            }
            """;

    SmartApp app;
    FakeDevice lamp;
    FakeContext context;

    /** Fifteen switch changes and levels, a minute apart (newest: one minute ago), one level a percentage. */
    @BeforeEach
    void history() {
        app = app(engine, APP);
        lamp = new FakeDevice(UUID.randomUUID().toString(), "Desk lamp", List.of("switch", "switchLevel"),
                Map.of("switch", "on", "level", 40));
        for (int minute = 1; minute <= 15; minute++) {
            if (minute % 2 == 1) {
                lamp.recorded("switch", minute % 4 == 1 ? "on" : "off", null, NOW.minus(Duration.ofMinutes(minute)));
            } else {
                lamp.recorded("level", minute * 5, "%", NOW.minus(Duration.ofMinutes(minute)));
            }
        }
        context = new FakeContext().with("lamp", lamp).setting("now", NOW.toEpochMilli()); // the tests' "now"
        context.locationEvents.add(new AppEvent("mode", "Home", null, null, null, NOW.minus(Duration.ofMinutes(30)),
                "mode changed to Home"));
        context.locationEvents.add(new AppEvent("mode", "Away", null, null, null, NOW.minus(Duration.ofMinutes(60)),
                "mode changed to Away"));
        context.locationEvents.add(new AppEvent("mode", "Night", null, null, null, NOW.minus(Duration.ofMinutes(90)),
                "mode changed to Night"));
    }

    private Object ask(String form) {
        HandlerOutcome out = app.handle(get("/h/" + form), context);
        assertThat(out).as(form).isInstanceOf(Response.class);
        return new JsonSlurper().parseText(((Response) out).body());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> askMap(String form) {
        return (Map<String, Object>) ask(form);
    }

    private static List<String> texts(Object array) {
        List<String> out = new ArrayList<>();
        ((List<?>) array).forEach(n -> out.add(String.valueOf(n)));
        return out;
    }

    @Test
    void eventsAreTheNewestTenUnlessMaxSaysOtherwise() {
        // minute 1: switch on, 2: level 10, 3: switch off, 4: level 20, ...
        assertThat(texts(ask("events"))).containsExactly("on", "10", "off", "20", "on", "30", "off", "40", "on", "50");
        assertThat(texts(ask("events3"))).containsExactly("on", "10", "off");
        assertThat(ask("eventsNone")).isEqualTo(0);
    }

    @Test
    void noHistoryCallAnswersMoreThanAThousand() {
        for (int i = 0; i < 1200; i++) {
            lamp.recorded("level", i % 100, "%", NOW.minus(Duration.ofHours(1)).minusSeconds(i));
        }
        assertThat(ask("eventsAll")).isEqualTo(1000);
    }

    @Test
    void eventsSinceIsEverythingFromThatDateOnNewestFirst() {
        assertThat(texts(ask("since"))).containsExactly("on", "10", "off", "20");
        assertThat(texts(ask("sinceMax"))).containsExactly("on", "10");
        assertThat(texts(ask("sinceNamed"))).containsExactly("on", "10");
    }

    @Test
    void eventsBetweenIncludesBothEnds() {
        assertThat(texts(ask("between"))).containsExactly("off", "20", "on", "30", "off", "40");
        assertThat(texts(ask("betweenMax"))).containsExactly("off");
    }

    @Test
    void statesAreOneAttributesHistory() {
        assertThat(texts(ask("statesSince"))).containsExactly("10", "20", "30", "40", "50", "60", "70");
        assertThat(texts(ask("statesSinceMax"))).containsExactly("on");
        assertThat(texts(ask("statesBetween"))).containsExactly("40", "50", "60", "70");
    }

    @Test
    void anEventFromTheHistoryIsAClassicEvent() {
        Map<String, Object> e = askMap("event");
        assertThat(e).containsEntry("name", "switch").containsEntry("value", "on").containsEntry("unit", null)
                .containsEntry("deviceId", lamp.id()).containsEntry("device", lamp.id())
                .containsEntry("displayName", "Desk lamp").containsEntry("id", true).containsEntry("isDate", true)
                .containsEntry("stateChange", true).containsEntry("source", "DEVICE");
        assertThat(e).containsEntry("number", null).containsEntry("integer", null); // "on" is no number
        Map<String, Object> s = askMap("state");
        assertThat(s).containsEntry("name", "level").containsEntry("value", "10").containsEntry("unit", "%")
                .containsEntry("isDate", true);
        assertThat(((Number) s.get("double")).doubleValue()).isEqualTo(10.0);
    }

    @Test
    void currentAndLatestStateAreTheAttributesStateNow() {
        Map<String, Object> c = askMap("current");
        assertThat(c).containsEntry("name", "level").containsEntry("value", "40").containsEntry("integer", 40)
                .containsEntry("date", FakeDevice.T0.toEpochMilli()).containsEntry("latest", "on")
                .containsEntry("latestName", "switch").containsEntry("missing", null);
    }

    @Test
    void theLocationsHistoryIsItsModeChanges() {
        assertThat(texts(ask("mode"))).containsExactly("Home", "Away", "Night");
        List<?> since = (List<?>) ask("modeSince");
        assertThat(since).hasSize(1);
        assertThat(texts(since.get(0))).containsExactly("mode", "Home", "Home");
        assertThat(texts(ask("modeBetween"))).containsExactly("Away");
    }
}
