package hearth.engine;

import hearth.engine.api.AppEvent;
import hearth.engine.api.AppIntent;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.PreferenceInput;
import hearth.engine.api.SmartApp;
import hearth.engine.support.FakeContext;
import hearth.engine.support.FakeDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static hearth.engine.support.Engines.app;
import static org.assertj.core.api.Assertions.assertThat;

/** Subscription and scheduled handlers run by the host, and dynamic pages. */
class HandlersAndPagesTest {
    static final SmartAppEngine engine = hearth.engine.support.Engines.quick();

    @AfterAll
    static void close() {
        engine.close();
    }

    static final String APP = """
            preferences {
              page(name: "main", title: "Main", nextPage: "details") {
                section { input "sensors", "capability.motionSensor", multiple: true }
              }
              page(name: "details", content: "detailsPage")
            }
            mappings { path("/x") { action: [GET: "x"] } }
            def detailsPage() {
              dynamicPage(name: "details", title: "Details", install: true) {
                section("Per sensor") {
                  sensors.each { s -> input "delay_${s.id}", "number", title: "Delay for ${s.displayName}", required: false }
                }
                if (state.advanced) {
                  section { input "advancedMode", "bool" }
                }
              }
            }
            def motionHandler(evt) {
              state.last = [name: evt.name, value: evt.value, device: evt.device?.displayName, id: evt.deviceId,
                            display: evt.displayName, n: evt.integerValue]
              runIn(30, "calmDown")
            }
            def calmDown() { state.calm = true }
            def x() { }
            """;

    @Test
    void subscriptionHandlerGetsTheEvent() {
        SmartApp a = app(engine, APP);
        FakeDevice hall = new FakeDevice("dev-1", "Hall", List.of("motionSensor"), Map.of("motion", "inactive"));
        FakeContext ctx = new FakeContext().with("sensors", hall);
        HandlerOutcome out = a.runHandler("motionHandler",
                new AppEvent("motion", "active", null, "dev-1", null, Instant.EPOCH, null), ctx);
        assertThat(out).isInstanceOf(HandlerOutcome.Response.class);
        assertThat(ctx.state.json).isEqualTo("{\"last\":{\"name\":\"motion\",\"value\":\"active\",\"device\":\"Hall\","
                + "\"id\":\"dev-1\",\"display\":\"Hall\",\"n\":null}}");
        assertThat(ctx.intents).containsExactly(new AppIntent.RunIn(30, "calmDown", true));
        a.runHandler("calmDown", null, ctx);
        assertThat(ctx.state.json).contains("\"calm\":true");
        assertThat(a.runHandler("nope", null, ctx)).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                f -> assertThat(f.type()).isEqualTo("HandlerNotFoundException"));
    }

    @Test
    void dynamicPagesAreEvaluatedPerInstallation() {
        SmartApp a = app(engine, APP);
        assertThat(a.inputs()).extracting(PreferenceInput::name).containsExactly("sensors");
        assertThat(a.dynamicPages()).containsExactly("details");
        FakeDevice hall = new FakeDevice("dev-1", "Hall", List.of("motionSensor"), Map.of());
        FakeContext ctx = new FakeContext().with("sensors", hall);
        assertThat(a.pageInputs("details", ctx)).containsExactly(
                new PreferenceInput("delay_dev-1", "number", "Delay for Hall", "Per sensor", false, false, List.of(), null));
        ctx.state.json = "{\"advanced\":true}";
        assertThat(a.pageInputs("details", ctx)).extracting(PreferenceInput::name)
                .containsExactly("delay_dev-1", "advancedMode");
        assertThat(a.pageInputs("nope", ctx)).isEmpty();
    }
}
