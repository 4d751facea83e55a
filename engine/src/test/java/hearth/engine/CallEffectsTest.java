package hearth.engine;

import hearth.engine.api.ApiRequest;
import hearth.engine.api.AppEvent;
import hearth.engine.api.AppIntent;
import hearth.engine.api.AttributeState;
import hearth.engine.api.Call;
import hearth.engine.api.CallEffects;
import hearth.engine.api.CallPorts;
import hearth.engine.api.CallResult;
import hearth.engine.api.DeviceCommand;
import hearth.engine.api.DeviceEvent;
import hearth.engine.api.DeviceSnapshot;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.InstallationSnapshot;
import hearth.engine.api.LocationInfo;
import hearth.engine.api.LogLine;
import hearth.engine.api.SmartApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static hearth.engine.support.Engines.app;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call is data in, data out: the engine sees only the snapshot it is given and returns what the
 * app asked for as effects, having done none of it. No host, no context, no database.
 */
class CallEffectsTest {
    static final SmartAppEngine engine = hearth.engine.support.Engines.quick();
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @AfterAll
    static void close() {
        engine.close();
    }

    static final String APP = """
            preferences { section { input "lights", "capability.switch", multiple: true } }
            mappings {
              path("/on") { action: [PUT: "allOn"] }
              path("/boom") { action: [PUT: "boom"] }
              path("/mode") { action: [PUT: "away"] }
            }
            def installed() { subscribe(lights, "switch", onSwitch); runIn(60, "later"); state.installs = 1 }
            def allOn() {
              log.info "turning on ${lights.size()} lights, access_token=abc123"
              lights.on()
              state.last = lights[0].currentValue("switch")
            }
            def boom() { lights[0].off(); state.lost = true; subscribe(lights, "switch", onSwitch); throw new RuntimeException("no") }
            def away() { location.setMode("Away"); httpError(409, "busy") }
            def onSwitch(evt) { state.heard = evt.value + " from " + evt.device.displayName }
            def later() { state.later = lights[0].events(max: 3).size() }
            """;

    static DeviceSnapshot light(String id, String value) {
        return new DeviceSnapshot(id, "Light " + id, "Virtual Switch", "Virtual Switch", List.of("switch"),
                Map.of("switch", new AttributeState("switch", value, null, T0)));
    }

    static InstallationSnapshot snapshot(String state, DeviceSnapshot... lights) {
        return new InstallationSnapshot("inst-1", "app-1", "Lights", new LocationInfo("loc-1", "Home", "UTC", "Home",
                List.of("Home", "Away"), "C"), Map.of(), Map.of("lights", List.of(lights)), state,
                "https://hearth.example");
    }

    static ApiRequest put(String path) {
        return new ApiRequest("PUT", path, Map.of(), Map.of(), "");
    }

    @Test
    void anApiCallReturnsItsCommandsStateAndLogAsDataAndChangesNothingItWasGiven() {
        SmartApp app = app(engine, APP);
        DeviceSnapshot a = light("a", "off");
        DeviceSnapshot b = light("b", "on");
        InstallationSnapshot given = snapshot("{\"n\":1}", a, b);

        CallResult result = app.call(given, new Call.Api(put("/on"), null), CallPorts.NONE);

        assertThat(result.outcome()).isInstanceOf(HandlerOutcome.Response.class);
        CallEffects effects = result.effects();
        assertThat(effects.commands()).containsExactly(new DeviceCommand("a", "on", List.of()),
                new DeviceCommand("b", "on", List.of()));
        // the app read its own command's effect back ("on"), though nothing was stored yet
        assertThat(effects.state()).isEqualTo("{\"n\":1,\"last\":\"on\"}");
        assertThat(effects.intents()).isEmpty();
        assertThat(effects.log()).containsExactly(new LogLine(LogLine.Level.INFO,
                "turning on 2 lights, access_token=***"));
        // the snapshot is data: the call left it as it was
        assertThat(given.devices("lights").get(0).currentStates().get("switch").value()).isEqualTo("off");
        assertThat(given.state()).isEqualTo("{\"n\":1}");
    }

    @Test
    void aCrashKeepsWhatTheAppDidToTheWorldAndDropsWhatItAskedToKeep() {
        SmartApp app = app(engine, APP);
        CallResult result = app.call(snapshot("{}", light("a", "on")), new Call.Api(put("/boom"), null),
                CallPorts.NONE);

        assertThat(result.outcome()).isInstanceOf(HandlerOutcome.Failure.class);
        assertThat(result.effects().commands()).containsExactly(new DeviceCommand("a", "off", List.of()));
        assertThat(result.effects().state()).isNull();
        assertThat(result.effects().intents()).isEmpty();
    }

    @Test
    void anHttpErrorKeepsTheIntentsAndTheModeChangeIsOnlyAsked() {
        SmartApp app = app(engine, APP);
        CallResult result = app.call(snapshot(null), new Call.Api(put("/mode"), null), CallPorts.NONE);

        assertThat(result.outcome()).isEqualTo(new HandlerOutcome.HttpError(409, "busy"));
        assertThat(result.effects().intents()).containsExactly(new AppIntent.SetLocationMode("Away"));
        assertThat(result.effects().commands()).isEmpty();
    }

    @Test
    void lifecycleEventAndScheduleCallsAreDataInAndOutToo() {
        SmartApp app = app(engine, APP);
        InstallationSnapshot given = snapshot(null, light("a", "off"));

        CallResult installed = app.call(given, new Call.Lifecycle(SmartApp.Lifecycle.INSTALLED), CallPorts.NONE);
        assertThat(installed.effects().intents()).containsExactly(
                new AppIntent.Subscribe(List.of("a"), "switch", "onSwitch"),
                new AppIntent.RunIn(60, "later", true)); // classic runIn overwrites by default
        assertThat(installed.effects().state()).isEqualTo("{\"installs\":1}");

        AppEvent event = new AppEvent("switch", "on", null, "a", "Light a", T0, null);
        CallResult heard = app.call(given, new Call.Handler("onSwitch", event), CallPorts.NONE);
        assertThat(heard.effects().state()).isEqualTo("{\"heard\":\"on from Light a\"}");

        // device history is the one read the DSL needs mid-call: a read-only port
        CallPorts history = new CallPorts() {
            @Override
            public List<DeviceEvent> deviceEvents(String deviceId, hearth.engine.api.EventQuery query) {
                return List.of(new DeviceEvent("e1", deviceId, "switch", "on", null, T0),
                        new DeviceEvent("e2", deviceId, "switch", "off", null, T0));
            }
        };
        CallResult later = app.call(given, new Call.Handler("later", null), history);
        assertThat(later.effects().state()).isEqualTo("{\"later\":2}");
    }

    @Test
    void anUndeclaredHandlerOrLifecycleMethodRunsNothingAndLeavesNoEffects() {
        SmartApp app = app(engine, APP);
        InstallationSnapshot given = snapshot(null, light("a", "off"));
        assertThat(app.call(given, new Call.Lifecycle(SmartApp.Lifecycle.UNINSTALLED), CallPorts.NONE).effects())
                .isEqualTo(CallEffects.NONE);
        CallResult missing = app.call(given, new Call.Handler("nope", null), CallPorts.NONE);
        assertThat(missing.outcome()).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                f -> assertThat(f.type()).isEqualTo("HandlerNotFoundException"));
        assertThat(missing.effects()).isEqualTo(CallEffects.NONE);
    }
}
