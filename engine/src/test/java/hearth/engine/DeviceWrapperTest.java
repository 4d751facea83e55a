package hearth.engine;

import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.HandlerOutcome.Response;
import hearth.engine.api.SmartApp;
import hearth.engine.support.FakeContext;
import hearth.engine.support.FakeDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static hearth.engine.support.Engines.app;
import static hearth.engine.support.Requests.get;
import static hearth.engine.support.Requests.put;
import static org.assertj.core.api.Assertions.assertThat;

/** What handlers can do with devices. */
class DeviceWrapperTest {
    static final SmartAppEngine engine = hearth.engine.support.Engines.quick();

    @AfterAll
    static void close() {
        engine.close();
    }

    static final String APP = """
            preferences {
              section("Lights") {
                input "lights", "capability.switchLevel", multiple: true, required: false
                input name: "lock", type: "capability.lock", title: "The lock"
              }
            }
            mappings {
              path("/lights") { action: [GET: "list"] }
              path("/lights/:id/:command") { action: [PUT: "command"] }
              path("/lights/level/:n") { action: [PUT: "level"] }
              path("/lock") { action: [GET: "lockInfo", PUT: "unlockIt"] }
              path("/states") { action: [GET: "states"] }
              path("/bad") { action: [PUT: "bad"] }
            }
            def list() {
              lights.collect { d ->
                [id: d.id, name: d.displayName, label: d.label, on: d.currentSwitch, level: d.currentValue("level"),
                 caps: d.capabilities*.name, cmds: d.supportedCommands*.name, isSwitch: d.hasCapability("Switch"),
                 isLevel: d.hasCapability("switchLevel"), isLock: d.hasCapability("Lock"),
                 hasOn: d.hasCommand("on"), hasAttr: d.hasAttribute("level")]
              }
            }
            def command() {
              def d = lights.find { it.id == params.id }
              if (!d) { httpError(404, "no such light") }
              def args = request.JSON?.arguments ?: []
              d."$params.command"(*args)
            }
            def level() { lights.setLevel(params.n as int) }
            def lockInfo() { [name: lock.displayName, state: lock.currentState("lock"), names: lights*.displayName,
                              maker: lock.manufacturerName, model: lock.modelName] }
            def unlockIt() { lock.unlock() }
            def states() { [s: lights[0].currentState("switch"), v: lights[0].currentState("level").integerValue,
                            events: lights[0].events(max: 5).size()] }
            def bad() { lights.each { it.explode() } }
            """;

    FakeDevice dimmer(String label, String onOff, int level) {
        return new FakeDevice(java.util.UUID.randomUUID().toString(), label, List.of("switch", "switchLevel"),
                Map.of("switch", onOff, "level", level));
    }

    @Test
    void wrapperProperties() {
        SmartApp a = app(engine, APP);
        FakeDevice d = dimmer("Desk", "on", 40);
        String body = ((Response) a.handle(get("/lights"), new FakeContext().with("lights", d))).body();
        assertThat(body).isEqualTo("[{\"id\":\"" + d.id() + "\",\"name\":\"Desk\",\"label\":\"Desk\",\"on\":\"on\","
                + "\"level\":40,\"caps\":[\"Switch\",\"Switch Level\"],\"cmds\":[\"on\",\"off\",\"setLevel\"],"
                + "\"isSwitch\":true,\"isLevel\":true,\"isLock\":false,\"hasOn\":true,\"hasAttr\":true}]");
    }

    @Test
    void displayNameFallsBackToName() {
        SmartApp a = app(engine, APP);
        FakeDevice d = dimmer("  ", "on", 40);
        assertThat(((Response) a.handle(get("/lights"), new FakeContext().with("lights", d))).body())
                .contains("\"name\":\"Virtual Device\"");
    }

    @Test
    void dynamicCommandsWithSpreadArguments() {
        SmartApp a = app(engine, APP);
        FakeDevice d = dimmer("Desk", "off", 0);
        FakeContext ctx = new FakeContext().with("lights", d);
        a.handle(put("/lights/" + d.id() + "/on"), ctx);
        a.handle(hearth.engine.support.Requests.put("/lights/" + d.id() + "/setLevel", "{\"arguments\":[70]}"), ctx);
        assertThat(d.commands).containsExactly("on", "setLevel[70]");
        assertThat(d.value("level")).isEqualTo(70);
        assertThat(a.handle(put("/lights/nope/on"), ctx)).isEqualTo(new HandlerOutcome.HttpError(404, "no such light"));
    }

    @Test
    void commandOnAListGoesToEveryDevice() {
        SmartApp a = app(engine, APP);
        FakeDevice x = dimmer("X", "off", 0);
        FakeDevice y = dimmer("Y", "off", 0);
        a.handle(put("/lights/level/55"), new FakeContext().with("lights", x, y));
        assertThat(x.commands).containsExactly("setLevel[55]");
        assertThat(y.commands).containsExactly("setLevel[55]");
    }

    @Test
    void singleInputIsOneDeviceAndStatesSerialise() {
        SmartApp a = app(engine, APP);
        FakeDevice lock = new FakeDevice("lock-1", "Front door", List.of("lock"), Map.of("lock", "locked"));
        FakeContext ctx = new FakeContext().with("lock", lock).with("lights", dimmer("A", "on", 1), dimmer("B", "off", 2));
        assertThat(((Response) a.handle(get("/lock"), ctx)).body()).isEqualTo("{\"name\":\"Front door\","
                + "\"state\":{\"name\":\"lock\",\"value\":\"locked\",\"unit\":null,\"date\":\"2026-01-02T03:04:05.678Z\"},"
                + "\"names\":[\"A\",\"B\"],\"maker\":null,\"model\":null}");
        a.handle(put("/lock"), ctx);
        assertThat(lock.value("lock")).isEqualTo("unlocked");
    }

    @Test
    void typedStateValuesAndEvents() {
        SmartApp a = app(engine, APP);
        FakeDevice d = dimmer("A", "on", 35);
        d.command("off", List.of());
        String body = ((Response) a.handle(get("/states"), new FakeContext().with("lights", d))).body();
        assertThat(body).contains("\"v\":35").contains("\"events\":1").contains("\"value\":\"off\"");
    }

    @Test
    void unknownCommandIsAClearFailure() {
        SmartApp a = app(engine, APP);
        HandlerOutcome out = a.handle(put("/bad"), new FakeContext().with("lights", dimmer("Desk", "on", 1)));
        assertThat(out).isInstanceOfSatisfying(HandlerOutcome.Failure.class, f -> {
            assertThat(f.type()).isEqualTo("UnsupportedCommandException");
            assertThat(f.message()).contains("'Desk'").contains("'explode'").contains("on, off, setLevel");
        });
    }

    @Test
    void inputsWithNothingChosen() {
        SmartApp a = app(engine, APP);
        assertThat(((Response) a.handle(get("/lights"), new FakeContext())).body()).isEqualTo("[]");
        assertThat(a.handle(put("/lock"), new FakeContext())).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                f -> assertThat(f.type()).isEqualTo("NullPointerException"));
    }
}
