package hearth.engine;

import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.PreferenceInput;
import hearth.engine.api.SmartApp;
import hearth.engine.support.FakeContext;
import hearth.engine.support.FakeDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static hearth.engine.support.Requests.get;
import static hearth.engine.support.Requests.put;
import static hearth.engine.support.Requests.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** The classic tutorial app, end to end through {@link SmartApp#handle}. */
class WebServicesTutorialTest {
    static SmartAppEngine engine;
    static SmartApp app;

    @BeforeAll
    static void compile() throws Exception {
        engine = new SmartAppEngine(EngineSettings.defaults());
        app = engine.compile(resource("apps/web_services_tutorial.groovy"));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void readsTheDefinition() {
        assertThat(app.definition().name()).isEqualTo("Web Services Tutorial");
        assertThat(app.definition().namespace()).isEqualTo("smartthings");
        assertThat(app.definition().oauth()).isTrue();
        assertThat(app.definition().displayName()).isEqualTo("web services tutorial ");
    }

    @Test
    void readsThePreferences() {
        assertThat(app.inputs()).containsExactly(new PreferenceInput("switches", "capability.switch",
                null, "Allow external service to control these things...", true, true, java.util.List.of(), null));
    }

    @Test
    void listsSwitches() {
        FakeContext ctx = new FakeContext().with("switches",
                FakeDevice.switchNamed("Kitchen", "off"), FakeDevice.switchNamed("Hall", "on"));
        HandlerOutcome out = app.handle(get("/switches"), ctx);
        assertThat(out).isEqualTo(new HandlerOutcome.Response(200, "application/json;charset=utf-8",
                "[{\"name\":\"Kitchen\",\"value\":\"off\"},{\"name\":\"Hall\",\"value\":\"on\"}]", java.util.Map.of()));
    }

    @Test
    void turnsEverySwitchOnWithA204() {
        FakeDevice a = FakeDevice.switchNamed("Kitchen", "off");
        FakeDevice b = FakeDevice.switchNamed("Hall", "off");
        HandlerOutcome out = app.handle(put("/switches/on"), new FakeContext().with("switches", a, b));
        assertThat(out).isEqualTo(new HandlerOutcome.Response(204, null, null, java.util.Map.of()));
        assertThat(a.value("switch")).isEqualTo("on");
        assertThat(b.value("switch")).isEqualTo("on");
    }

    @Test
    void trailingSlashIsTolerated() {
        FakeDevice a = FakeDevice.switchNamed("Kitchen", "on");
        app.handle(put("/switches/off/"), new FakeContext().with("switches", a));
        assertThat(a.value("switch")).isEqualTo("off");
    }

    @Test
    void badCommandIsA400() {
        HandlerOutcome out = app.handle(put("/switches/explode"),
                new FakeContext().with("switches", FakeDevice.switchNamed("K", "on")));
        assertThat(out).isEqualTo(new HandlerOutcome.HttpError(400,
                "explode is not a valid command for all switches specified"));
    }

    @Test
    void toggleIsA501() {
        HandlerOutcome out = app.handle(put("/switches/toggle"), new FakeContext());
        assertThat(out).isEqualTo(new HandlerOutcome.HttpError(501, "toggle is not yet implemented"));
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        FakeContext ctx = new FakeContext();
        assertThat(app.handle(get("/nothing"), ctx)).isInstanceOf(HandlerOutcome.NotFound.class);
        assertThat(app.handle(put("/switches"), ctx))
                .isEqualTo(new HandlerOutcome.MethodNotAllowed(java.util.Set.of("GET")));
        assertThat(app.handle(get("/switches/on"), ctx))
                .isEqualTo(new HandlerOutcome.MethodNotAllowed(java.util.Set.of("PUT")));
    }

    @Test
    void sameSourceCompilesOnce() throws Exception {
        assertThat(engine.compile(resource("apps/web_services_tutorial.groovy"))).isSameAs(app);
    }

    @Test
    void lifecycleRunsDeclaredMethods() {
        assertThat(app.lifecycle(SmartApp.Lifecycle.INSTALLED, new FakeContext()))
                .isInstanceOf(HandlerOutcome.Response.class);
        assertThat(app.lifecycle(SmartApp.Lifecycle.UNINSTALLED, new FakeContext()))
                .isEqualTo(new HandlerOutcome.Response(204, null, null, java.util.Map.of()));
    }
}
