package hearth.engine;

import hearth.engine.api.AppIntent;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.HandlerOutcome.Response;
import hearth.engine.api.SmartApp;
import hearth.engine.support.FakeContext;
import hearth.engine.support.FakeDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static hearth.engine.support.Requests.delete;
import static hearth.engine.support.Requests.get;
import static hearth.engine.support.Requests.post;
import static hearth.engine.support.Requests.put;
import static hearth.engine.support.Requests.resource;
import static org.assertj.core.api.Assertions.assertThat;

/** Well-behaved classic-style SmartApps (src/test/resources/apps), run through the sandbox. */
class AppsCorpusTest {
    static final SmartAppEngine engine = hearth.engine.support.Engines.quick();

    @AfterAll
    static void close() {
        engine.close();
    }

    static SmartApp app(String name) throws Exception {
        return engine.compile(resource("apps/" + name + ".groovy"));
    }

    static String body(HandlerOutcome outcome) {
        assertThat(outcome).isInstanceOf(Response.class);
        return ((Response) outcome).body();
    }

    static FakeDevice device(String label, List<String> caps, Map<String, Object> attrs) {
        return new FakeDevice(UUID.randomUUID().toString(), label, caps, attrs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"web_services_tutorial", "lights_and_locks", "thermostat_api", "sensor_dashboard", "scenes",
            "endpoint_info", "device_gateway", "presence_modes", "json_tools", "energy_report", "automations",
            "notes_board", "token_guarded"})
    void compiles(String name) throws Exception {
        SmartApp app = app(name);
        assertThat(app.definition().oauth()).isTrue();
        assertThat(app.definition().namespace()).isNotBlank();
    }

    @Test
    void lightsAndLocks() throws Exception {
        SmartApp app = app("lights_and_locks");
        FakeDevice lamp = device("Lamp", List.of("switch"), Map.of("switch", "off"));
        FakeDevice dimmer = device("Dimmer", List.of("switch", "switchLevel"), Map.of("switch", "on", "level", 30));
        FakeDevice door = device("Door", List.of("lock"), Map.of("lock", "locked"));
        FakeContext ctx = new FakeContext().with("switches", lamp, dimmer).with("dimmers", dimmer).with("locks", door);
        assertThat(body(app.handle(get("/devices"), ctx))).isEqualTo("[{\"id\":\"" + dimmer.id()
                + "\",\"label\":\"Dimmer\",\"type\":\"Virtual switch\",\"switch\":\"on\",\"level\":30},"
                + "{\"id\":\"" + door.id() + "\",\"label\":\"Door\",\"type\":\"Virtual lock\",\"lock\":\"locked\"},"
                + "{\"id\":\"" + lamp.id() + "\",\"label\":\"Lamp\",\"type\":\"Virtual switch\",\"switch\":\"off\"}]");
        assertThat(app.handle(put("/devices/" + dimmer.id(), "{\"switch\":\"off\",\"level\":80}"), ctx))
                .isEqualTo(new Response(204, null, null, Map.of()));
        assertThat(dimmer.commands).containsExactly("off", "setLevel[80]");
        assertThat(app.handle(put("/devices/" + lamp.id(), "{\"level\":10}"), ctx))
                .isEqualTo(new HandlerOutcome.HttpError(422, "Lamp can't dim"));
        assertThat(body(app.handle(put("/locks/" + door.id() + "/unlock"), ctx)))
                .isEqualTo("{\"id\":\"" + door.id() + "\",\"done\":\"unlock\"}");
        assertThat(door.value("lock")).isEqualTo("unlocked");
        assertThat(app.handle(put("/locks/" + door.id() + "/open"), ctx))
                .isEqualTo(new HandlerOutcome.HttpError(400, "Unknown command open"));
        assertThat(app.handle(get("/devices/nope"), ctx)).isEqualTo(new HandlerOutcome.HttpError(404, "Device not found"));
    }

    @Test
    void thermostatApi() throws Exception {
        SmartApp app = app("thermostat_api");
        FakeDevice t = device("Hall", List.of("thermostat"), Map.of("temperature", 20.5, "thermostatMode", "off"));
        FakeDevice s = device("Attic", List.of("temperatureMeasurement"), Map.of("temperature", 25));
        FakeContext ctx = new FakeContext().with("thermostats", t).with("sensors", s);
        assertThat(body(app.handle(get("/climate"), ctx))).isEqualTo("{\"scale\":\"C\",\"readings\":["
                + "{\"name\":\"Hall\",\"temperature\":20.5},{\"name\":\"Attic\",\"temperature\":25}],"
                + "\"average\":22.8,\"warmest\":\"Attic\",\"summary\":\"2 sensors\"}");
        String out = body(app.handle(post("/thermostats/" + t.id() + "/setpoint", "{\"heat\":31.3,\"mode\":\"HEAT\"}"), ctx));
        assertThat(out).isEqualTo("{\"id\":\"" + t.id() + "\",\"heatingSetpoint\":28,\"mode\":\"heat\"}");
    }

    @Test
    void sensorDashboard() throws Exception {
        SmartApp app = app("sensor_dashboard");
        FakeDevice front = device("Front", List.of("contactSensor", "battery"), Map.of("contact", "open", "battery", 10));
        FakeDevice back = device("Back", List.of("contactSensor"), Map.of("contact", "closed"));
        FakeDevice hall = device("Hall", List.of("motionSensor"), Map.of("motion", "active"));
        FakeContext ctx = new FakeContext().with("contacts", front, back).with("motions", hall).with("batteries", front);
        assertThat(body(app.handle(get("/summary"), ctx))).isEqualTo(
                "{\"open\":[\"Front\"],\"activeMotion\":1,\"lowBattery\":[\"Front\"],\"allClosed\":false}");
        assertThat(body(app.handle(get("/states"), ctx))).startsWith("[{\"device\":\"Front\",\"state\":{\"name\":"
                + "\"contact\",\"value\":\"open\",\"unit\":null,\"date\":\"2026-01-02T03:04:05.678Z\"},"
                + "\"local\":\"2026-01-02 04:04\",\"iso\":\"2026-01-02T03:04:05.678Z\"}");
        assertThat(body(app.handle(get("/events/" + hall.id(), Map.of("max", "3")), ctx))).isEqualTo("[]");
    }

    @Test
    void scenes() throws Exception {
        SmartApp app = app("scenes");
        FakeDevice a = device("A", List.of("switch", "switchLevel"), Map.of("switch", "on", "level", 70));
        FakeDevice b = device("B", List.of("switch", "switchLevel"), Map.of("switch", "off", "level", 0));
        FakeContext ctx = new FakeContext().with("lights", a, b);
        assertThat(app.handle(post("/scenes", "{}"), ctx)).isEqualTo(new HandlerOutcome.HttpError(400, "a scene needs a name"));
        assertThat(((Response) app.handle(post("/scenes", "{\"name\":\"evening\"}"), ctx)).status()).isEqualTo(201);
        assertThat(body(app.handle(get("/scenes"), ctx)))
                .isEqualTo("[{\"name\":\"evening\",\"devices\":2,\"applied\":0}]");
        a.command("off", List.of());
        b.command("on", List.of());
        assertThat(app.handle(put("/scenes/evening"), ctx)).isEqualTo(new Response(204, null, null, Map.of()));
        assertThat(a.value("switch")).isEqualTo("on");
        assertThat(a.value("level")).isEqualTo(70);
        assertThat(b.value("switch")).isEqualTo("off");
        app.handle(put("/scenes/evening"), ctx);
        assertThat(ctx.state.json).contains("\"applied\":{\"evening\":2}").contains("\"totalApplied\":2")
                .contains("\"saves\":1");
        assertThat(body(app.handle(get("/scenes/evening"), ctx))).contains("\"" + a.id() + "\":{\"on\":true,\"level\":70}");
        assertThat(app.handle(put("/scenes/nope"), ctx)).isEqualTo(new HandlerOutcome.HttpError(404, "no scene nope"));
        app.handle(delete("/scenes/evening"), ctx);
        assertThat(body(app.handle(get("/scenes"), ctx))).isEqualTo("[]");
    }

    @Test
    void endpointInfo() throws Exception {
        SmartApp app = app("endpoint_info");
        FakeContext ctx = new FakeContext();
        app.lifecycle(SmartApp.Lifecycle.INSTALLED, ctx);
        assertThat(ctx.state.json).isEqualTo("{\"accessToken\":\"token-1\"}");
        app.lifecycle(SmartApp.Lifecycle.UPDATED, ctx);
        assertThat(ctx.tokensCreated.get()).isEqualTo(1);
        assertThat(body(app.handle(get("/info"), ctx))).isEqualTo("{\"app\":\"inst-1\",\"name\":\"My App\","
                + "\"location\":\"Home\",\"endpoint\":\"https://eu01.example.com/api/smartapps/installations/inst-1\","
                + "\"server\":\"https://eu01.example.com\",\"icons\":\"https://eu01.example.com/icons/x.png\",\"devices\":0}");
        assertThat(body(app.handle(get("/info", Map.of("access_token", "token-1")), ctx))).endsWith(",\"private\":true}");
        assertThat(body(app.handle(post("/token", ""), ctx))).isEqualTo("{\"token\":\"token-2\"}");
        assertThat(ctx.tokensRevoked.get()).isEqualTo(1);
        app.handle(delete("/token"), ctx);
        assertThat(ctx.state.json).isEqualTo("{}");
    }

    @Test
    void deviceGateway() throws Exception {
        SmartApp app = app("device_gateway");
        FakeDevice shade = device("Shade", List.of("windowShade"), Map.of("windowShade", "closed"));
        FakeDevice lamp = device("Lamp", List.of("switch"), Map.of("switch", "off"));
        FakeContext ctx = new FakeContext().with("shades", shade).with("switches", lamp);
        assertThat(body(app.handle(get("/shades"), ctx))).isEqualTo("[{\"id\":\"" + shade.id() + "\",\"label\":\"Shade\","
                + "\"capabilities\":[{\"name\":\"Window Shade\",\"commands\":[\"open\",\"close\",\"presetPosition\"]}],"
                + "\"attributes\":{\"windowShade\":\"closed\"}}]");
        assertThat(body(app.handle(post("/shades/" + shade.id() + "/open", ""), ctx)))
                .isEqualTo("{\"device\":\"" + shade.id() + "\",\"sent\":\"open\",\"args\":[]}");
        assertThat(shade.value("windowShade")).isEqualTo("open");
        assertThat(app.handle(put("/switches/" + lamp.id() + "/explode"), ctx)).isEqualTo(new HandlerOutcome.HttpError(422,
                "Lamp does not support explode; try on, off"));
        assertThat(app.handle(get("/toasters"), ctx)).isEqualTo(new HandlerOutcome.HttpError(404, "unknown device type toasters"));
        assertThat(body(app.handle(get("/locks"), ctx))).isEqualTo("[]");
    }

    @Test
    void presenceModes() throws Exception {
        SmartApp app = app("presence_modes");
        FakeDevice ann = device("Ann", List.of("presenceSensor"), Map.of("presence", "present"));
        FakeDevice bob = device("Bob", List.of("presenceSensor"), Map.of("presence", "not present"));
        FakeDevice cid = device("Cid", List.of("presenceSensor"), Map.of("presence", "present"));
        FakeContext ctx = new FakeContext().with("people", ann, bob, cid).setting("greeting", "Hi").setting("notify", true);
        assertThat(body(app.handle(get("/home"), ctx))).isEqualTo(
                "{\"count\":2,\"names\":[\"Ann\",\"Cid\"],\"text\":\"Hi, Ann and Cid\",\"notify\":true,\"style\":\"short\"}");
        assertThat(body(app.handle(get("/modes"), ctx))).isEqualTo(
                "{\"current\":\"Home\",\"all\":[\"Home\",\"Away\",\"Night\"],\"home\":\"Home\",\"isHome\":true}");
        assertThat(body(app.handle(get("/quiet"), ctx))).contains("\"timeZone\":\"Europe/Berlin\"").contains("\"quiet\":");
        assertThat(body(app.handle(get("/home"), new FakeContext()))).contains("Nobody is home");
    }

    @Test
    void jsonTools() throws Exception {
        SmartApp app = app("json_tools");
        FakeContext ctx = new FakeContext();
        assertThat(app.handle(post("/echo", "{\"b\":1,\"a\":2}"), ctx)).isEqualTo(new Response(200,
                "application/json;charset=utf-8", "{\"keys\":[\"a\",\"b\"],\"count\":2}", Map.of()));
        assertThat(body(app.handle(get("/built"), ctx)))
                .isEqualTo("{\"name\":\"hearth\",\"tags\":[\"a\",\"b\"],\"nested\":{\"deep\":true}}");
        assertThat(((Response) app.handle(get("/pretty"), ctx)).contentType()).isEqualTo("text/plain;charset=utf-8");
        assertThat(body(app.handle(post("/xml", "<list><item>x</item><item>y</item></list>"), ctx)))
                .isEqualTo("{\"root\":\"list\",\"items\":[\"x\",\"y\"],\"first\":\"x\"}");
        assertThat(app.handle(post("/xml", "{}"), ctx)).isEqualTo(new HandlerOutcome.HttpError(400, "send XML"));
        // a DOCTYPE (entities, external or exponential) makes the body not XML to the app
        assertThat(app.handle(post("/xml", "<!DOCTYPE list [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
                + "<list><item>&e;</item></list>"), ctx)).isEqualTo(new HandlerOutcome.HttpError(400, "send XML"));
    }

    @Test
    void energyReport() throws Exception {
        SmartApp app = app("energy_report");
        FakeDevice tv = device("Tv", List.of("powerMeter"), Map.of("power", 120));
        FakeDevice oven = device("Oven", List.of("powerMeter"), Map.of("power", 2000));
        FakeDevice clock = device("Clock", List.of("powerMeter"), Map.of("power", 2));
        FakeContext ctx = new FakeContext().with("meters", tv, oven, clock);
        assertThat(body(app.handle(get("/report"), ctx))).isEqualTo("{\"total\":2122,\"average\":707.3333333333,"
                + "\"byLevel\":{\"medium\":[\"Tv\"],\"high\":[\"Oven\"],\"low\":[\"Clock\"]},"
                + "\"lines\":[\"01 TV: 120W\",\"02 OVEN: 2000W\",\"03 CLOCK: 2W\"],\"codes\":[\"T\",\"O\",\"C\"],"
                + "\"peak\":\"Oven\",\"range\":[2,4,6]}");
        assertThat(body(app.handle(get("/rank/2"), ctx)))
                .isEqualTo("[{\"rank\":1,\"name\":\"Oven\"},{\"rank\":2,\"name\":\"Tv\"}]");
    }

    @Test
    void automations() throws Exception {
        SmartApp app = app("automations");
        FakeDevice motion = device("Motion", List.of("motionSensor"), Map.of("motion", "inactive"));
        FakeDevice lamp = device("Lamp", List.of("switch"), Map.of("switch", "off"));
        FakeContext ctx = new FakeContext().with("motions", motion).with("lights", lamp).setting("minutes", 2);
        app.lifecycle(SmartApp.Lifecycle.INSTALLED, ctx);
        assertThat(ctx.intents).containsExactly(
                new AppIntent.Subscribe(List.of(motion.id()), "motion.active", "motionHandler"),
                new AppIntent.Subscribe(List.of(), "mode", "modeHandler"),
                new AppIntent.Schedule("0 0 3 * * ?", "nightly"));
        assertThat(body(app.handle(get("/setup"), ctx))).isEqualTo("{\"delay\":120,\"installedAt\":true}");
        ctx.intents.clear();
        app.lifecycle(SmartApp.Lifecycle.UPDATED, ctx);
        assertThat(ctx.intents.subList(0, 2)).containsExactly(new AppIntent.UnsubscribeAll(), new AppIntent.Unschedule(null));
        ctx.intents.clear();
        assertThat(body(app.handle(post("/test", ""), ctx))).isEqualTo("{\"lights\":[\"on\"]}");
        assertThat(ctx.intents).containsExactly(new AppIntent.RunIn(120, "lightsOff", true));
    }

    @Test
    void notesBoard() throws Exception {
        SmartApp app = app("notes_board");
        FakeContext ctx = new FakeContext();
        assertThat(app.handle(post("/notes", "{\"text\":\"  \"}"), ctx)).isEqualTo(new HandlerOutcome.HttpError(422, "text is required"));
        assertThat(body(app.handle(post("/notes", "{\"text\":\"milk\",\"tags\":[\"Shop\"]}"), ctx)))
                .isEqualTo("{\"id\":\"n1\",\"text\":\"milk\",\"tags\":[\"shop\"],\"created\":1}");
        app.handle(post("/notes", "{\"text\":\"bread\"}"), ctx);
        assertThat(body(app.handle(get("/notes", Map.of("size", "1")), ctx)))
                .isEqualTo("{\"page\":1,\"total\":2,\"notes\":[{\"id\":\"n2\",\"text\":\"bread\",\"tags\":[],\"created\":2}]}");
        assertThat(app.handle(put("/notes/n1", "{\"text\":\"oat milk\"}"), ctx)).isEqualTo(new Response(204, null, null, Map.of()));
        assertThat(body(app.handle(get("/notes/n1"), ctx))).contains("oat milk");
        app.handle(delete("/notes/n1"), ctx);
        assertThat(app.handle(get("/notes/n1"), ctx)).isEqualTo(new HandlerOutcome.HttpError(404, "note n1 not found"));
        assertThat(app.handle(post("/notes", "{\"text\":\"" + "x".repeat(201) + "\"}"), ctx))
                .isEqualTo(new HandlerOutcome.HttpError(422, "text is limited to 200 characters"));
    }

    @Test
    void tokenGuarded() throws Exception {
        SmartApp app = app("token_guarded");
        // read from the dynamic page at registration, so a consent screen can offer it
        assertThat(app.inputs()).extracting(p -> p.name()).containsExactly("things");
        assertThat(app.dynamicPages()).containsExactly("setupPage");
        FakeDevice sensor = device("Sensor", List.of("refresh"), Map.of());
        FakeContext ctx = new FakeContext().with("things", sensor);
        assertThat(app.pageInputs("setupPage", ctx)).extracting(p -> p.name()).containsExactly("things");
        assertThat(ctx.state.json).isEqualTo("{\"accessToken\":\"token-1\"}");

        assertThat(body(app.handle(get("/devices"), ctx))).isEqualTo("{\"error\":\"Permission denied\"}");
        ctx.queryToken = "wrong";
        assertThat(body(app.handle(get("/devices"), ctx))).isEqualTo("{\"error\":\"Permission denied\"}");
        ctx.queryToken = "token-1";
        assertThat(body(app.handle(get("/devices"), ctx)))
                .isEqualTo("{\"things\":[{\"id\":\"" + sensor.id() + "\",\"name\":\"Sensor\"}]}");
        assertThat(body(app.handle(get("/config"), ctx))).contains("\"app_id\": \"inst-1\"");
    }
}
