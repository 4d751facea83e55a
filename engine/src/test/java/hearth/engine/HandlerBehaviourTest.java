package hearth.engine;

import hearth.engine.api.ApiRequest;
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
import static hearth.engine.support.Requests.delete;
import static hearth.engine.support.Requests.get;
import static hearth.engine.support.Requests.post;
import static hearth.engine.support.Requests.put;
import static org.assertj.core.api.Assertions.assertThat;

/** Response defaults, render, errors, state, params and the per-request mappings. */
class HandlerBehaviourTest {
    static final SmartAppEngine engine = hearth.engine.support.Engines.quick();

    @AfterAll
    static void close() {
        engine.close();
    }

    static final String ECHO = """
            mappings {
              path("/thing") { action: [GET: "give", POST: "give", PUT: "give", DELETE: "give"] }
              path("/text") { action: [GET: "text"] }
              path("/nothing") { action: [GET: "nothing", POST: "nothing"] }
            }
            def give() { [ok: true, n: 1, when: new Date(0)] }
            def text() { "hello ${params.who}" }
            def nothing() { }
            """;

    @Test
    void defaultStatusAndTypePerMethod() {
        SmartApp a = app(engine, ECHO);
        FakeContext ctx = new FakeContext();
        String json = "{\"ok\":true,\"n\":1,\"when\":\"1970-01-01T00:00:00.000Z\"}";
        assertThat(a.handle(get("/thing"), ctx)).isEqualTo(new Response(200, "application/json;charset=utf-8", json, Map.of()));
        assertThat(a.handle(post("/thing", ""), ctx)).isEqualTo(new Response(201, "application/json;charset=utf-8", json, Map.of()));
        assertThat(a.handle(put("/thing"), ctx)).isEqualTo(new Response(204, null, null, Map.of()));
        assertThat(a.handle(delete("/thing"), ctx)).isEqualTo(new Response(204, null, null, Map.of()));
        assertThat(a.handle(get("/text", Map.of("who", "you")), ctx))
                .isEqualTo(new Response(200, "text/plain;charset=utf-8", "hello you", Map.of()));
        assertThat(a.handle(get("/nothing"), ctx)).isEqualTo(new Response(200, null, null, Map.of()));
        assertThat(a.handle(post("/nothing", ""), ctx)).isEqualTo(new Response(201, null, null, Map.of()));
    }

    @Test
    void renderOverridesInEveryMethod() {
        SmartApp a = app(engine, """
                mappings {
                  path("/r") { action: [GET: "r", PUT: "r", DELETE: "r"] }
                  path("/s") { action: [GET: "s"] }
                  path("/x") { action: [GET: "x"] }
                }
                def r() { render contentType: "application/json", data: [a: [1, 2]], status: 202 }
                def s() { render(contentType: "text/html", data: "<b>hi</b>", headers: ["X-Thing": "1"]) }
                def x() { render(data: '{"raw":1}', contentType: "application/json", status: 200) }
                """);
        FakeContext ctx = new FakeContext();
        for (ApiRequest r : List.of(get("/r"), put("/r"), delete("/r"))) {
            assertThat(a.handle(r, ctx)).isEqualTo(new Response(202, "application/json;charset=utf-8", "{\"a\":[1,2]}", Map.of()));
        }
        assertThat(a.handle(get("/s"), ctx)).isEqualTo(new Response(200, "text/html;charset=utf-8", "<b>hi</b>", Map.of("X-Thing", "1")));
        assertThat(a.handle(get("/x"), ctx)).isEqualTo(new Response(200, "application/json;charset=utf-8", "{\"raw\":1}", Map.of()));
    }

    @Test
    void exceptionsBecomeFailuresNamedAfterTheirClass() {
        SmartApp a = app(engine, """
                mappings {
                  path("/npe") { action: [GET: "npe"] }
                  path("/arg") { action: [GET: "arg"] }
                  path("/missing") { action: [GET: "noSuchHandler"] }
                  path("/undefined") { action: [GET: "undefinedName"] }
                  path("/caught") { action: [GET: "caught"] }
                }
                def npe() { def x = null; x.foo() }
                def arg() { throw new IllegalArgumentException("bad thing") }
                def undefinedName() { [value: notDeclaredAnywhere, inClosure: [1].collect { alsoUndeclared }, other: "x".nope] }
                def caught() { try { httpError(418, "teapot") } catch (e) { return [swallowed: true] } }
                """);
        FakeContext ctx = new FakeContext();
        assertThat(a.handle(get("/npe"), ctx)).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                f -> assertThat(f.type()).isEqualTo("NullPointerException"));
        assertThat(a.handle(get("/arg"), ctx)).isInstanceOfSatisfying(HandlerOutcome.Failure.class, f -> {
            assertThat(f.type()).isEqualTo("IllegalArgumentException");
            assertThat(f.message()).isEqualTo("bad thing");
        });
        assertThat(a.handle(get("/missing"), ctx)).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                f -> assertThat(f.type()).isEqualTo("HandlerNotFoundException"));
        // the app's own undefined names read as null, as classic apps relied on (see SmartAppScript.getProperty);
        // properties of other objects still fail
        assertThat(a.handle(get("/undefined"), ctx)).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                f -> assertThat(f.message()).contains("nope"));
        // catch (e) catches Exception; httpError is not one, so it still ends the call
        assertThat(a.handle(get("/caught"), ctx)).isEqualTo(new HandlerOutcome.HttpError(418, "teapot"));
    }

    @Test
    void stateIsLoadedAndSavedOnlyWhenChanged() {
        SmartApp a = app(engine, """
                mappings {
                  path("/count") { action: [POST: "count", GET: "read"] }
                  path("/fail") { action: [POST: "fail"] }
                  path("/refuse") { action: [POST: "refuse"] }
                }
                def count() { state.count = (state.count ?: 0) + 1; state.list = (state.list ?: []) + [params.tag]; [count: state.count] }
                def read() { [count: state.count, nested: state.nested?.deep] }
                def fail() { state.count = 100; throw new RuntimeException("x") }
                def refuse() { state.refused = true; httpError(409, "no") }
                """);
        FakeContext ctx = new FakeContext();
        ctx.state.json = "{\"count\":5,\"nested\":{\"deep\":\"yes\"}}";
        assertThat(a.handle(get("/count"), ctx)).isEqualTo(new Response(200, "application/json;charset=utf-8",
                "{\"count\":5,\"nested\":\"yes\"}", Map.of()));
        assertThat(ctx.state.saves.get()).isZero();

        ApiRequest count = new ApiRequest("POST", "/count", Map.of("tag", "a"), Map.of(), "");
        assertThat(((Response) a.handle(count, ctx)).body()).isEqualTo("{\"count\":6}");
        assertThat(ctx.state.saves.get()).isEqualTo(1);
        assertThat(ctx.state.json).isEqualTo("{\"count\":6,\"nested\":{\"deep\":\"yes\"},\"list\":[\"a\"]}");

        a.handle(post("/fail", ""), ctx);
        assertThat(ctx.state.json).contains("\"count\":6");

        assertThat(a.handle(post("/refuse", ""), ctx)).isEqualTo(new HandlerOutcome.HttpError(409, "no"));
        assertThat(ctx.state.json).contains("\"refused\":true");
    }

    @Test
    void installationsDoNotShareState() {
        SmartApp a = app(engine, """
                mappings { path("/set/:v") { action: [PUT: "set"] }; path("/get") { action: [GET: "read"] } }
                def set() { state.v = params.v }
                def read() { [v: state.v] }
                """);
        FakeContext one = new FakeContext("one");
        FakeContext two = new FakeContext("two");
        a.handle(put("/set/1"), one);
        a.handle(put("/set/2"), two);
        assertThat(((Response) a.handle(get("/get"), one)).body()).isEqualTo("{\"v\":\"1\"}");
        assertThat(((Response) a.handle(get("/get"), two)).body()).isEqualTo("{\"v\":\"2\"}");
    }

    @Test
    void mappingsAreEvaluatedPerRequestWithParamsAndState() {
        SmartApp a = app(engine, """
                mappings {
                  if (!params.access_token || (params.access_token && params.access_token != state.accessToken)) {
                    path("/locked") { action: [GET: "locked"] }
                  } else {
                    path("/open") { action: [GET: "open"] }
                  }
                  if (state.beta) {
                    path("/beta") { action: [GET: "open"] }
                  }
                }
                def locked() { [locked: true] }
                def open() { [open: true] }
                """);
        FakeContext ctx = new FakeContext();
        ctx.state.json = "{\"accessToken\":\"tok\"}";
        assertThat(a.handle(get("/locked"), ctx)).isInstanceOf(Response.class);
        assertThat(a.handle(get("/open"), ctx)).isInstanceOf(HandlerOutcome.NotFound.class);
        assertThat(a.handle(get("/open", Map.of("access_token", "tok")), ctx)).isInstanceOf(Response.class);
        assertThat(a.handle(get("/beta"), ctx)).isInstanceOf(HandlerOutcome.NotFound.class);
        ctx.state.json = "{\"beta\":true}";
        assertThat(a.handle(get("/beta"), ctx)).isInstanceOf(Response.class);
    }

    @Test
    void pathParamsAndQueryParamsMeetInParams() {
        SmartApp a = app(engine, """
                mappings {
                  path("/devices/:id/:command") { action: [GET: "show"] }
                  path("/devices/all/:command") { action: [GET: "all"] }
                }
                def show() { [id: params.id, command: params["command"], q: params.q] }
                def all() { [all: params.command] }
                """);
        FakeContext ctx = new FakeContext();
        assertThat(((Response) a.handle(get("/devices/a%20b/on", Map.of("q", "1")), ctx)).body())
                .isEqualTo("{\"id\":\"a b\",\"command\":\"on\",\"q\":\"1\"}");
        assertThat(((Response) a.handle(get("/devices/all/off"), ctx)).body()).isEqualTo("{\"all\":\"off\"}");
    }

    @Test
    void requestJsonIsParsedLazilyAndForgivingly() {
        SmartApp a = app(engine, """
                mappings { path("/in") { action: [POST: "echo"] } }
                def echo() { [got: request.JSON?.value, method: request.method, type: request.headers["content-type"]] }
                """);
        FakeContext ctx = new FakeContext();
        assertThat(((Response) a.handle(post("/in", "{\"value\": [1, \"x\"]}"), ctx)).body())
                .isEqualTo("{\"got\":[1,\"x\"],\"method\":\"POST\",\"type\":\"application/json\"}");
        assertThat(((Response) a.handle(post("/in", "not json"), ctx)).body())
                .isEqualTo("{\"got\":null,\"method\":\"POST\",\"type\":\"application/json\"}");
        assertThat(((Response) a.handle(post("/in", ""), ctx)).body()).startsWith("{\"got\":null");
    }

    @Test
    void platformNamesAreThere() {
        SmartApp a = app(engine, """
                mappings { path("/info") { action: [GET: "info"] } ; path("/token") { action: [POST: "token"] } }
                def info() {
                  [app: app.id, label: app.label, loc: location.name, tz: location.timeZone.ID, mode: location.mode,
                   modes: location.modes*.name, url: apiServerUrl("/api/x"), full: getFullApiServerUrl(),
                   base: getApiServerUrl(), now: now() > 0, setting: greeting, settings: settings.greeting]
                }
                def token() { createAccessToken(); [token: state.accessToken] }
                """);
        FakeContext ctx = new FakeContext().setting("greeting", "hi");
        assertThat(((Response) a.handle(get("/info"), ctx)).body()).isEqualTo("{\"app\":\"inst-1\",\"label\":\"My App\","
                + "\"loc\":\"Home\",\"tz\":\"Europe/Berlin\",\"mode\":\"Home\",\"modes\":[\"Home\",\"Away\",\"Night\"],"
                + "\"url\":\"https://eu01.example.com/api/x\","
                + "\"full\":\"https://eu01.example.com/api/smartapps/installations/inst-1\","
                + "\"base\":\"https://eu01.example.com\",\"now\":true,\"setting\":\"hi\",\"settings\":\"hi\"}");
        assertThat(((Response) a.handle(post("/token", ""), ctx)).body()).isEqualTo("{\"token\":\"token-1\"}");
        assertThat(ctx.state.json).isEqualTo("{\"accessToken\":\"token-1\"}");
    }

    @Test
    void runawayLoopEndsAsATimeoutAndFreesTheThread() throws Exception {
        try (SmartAppEngine impatient = hearth.engine.support.Engines.impatient()) {
            runaway(impatient);
        }
    }

    private void runaway(SmartAppEngine impatient) throws Exception {
        SmartApp a = app(impatient, """
                mappings { path("/spin") { action: [GET: "spin"] } ; path("/sneaky") { action: [GET: "sneaky"] } }
                def spin() { while (true) { } }
                def sneaky() { int i = 0; while (true) { try { i++ } catch (Throwable t) { } } }
                """);
        for (String path : List.of("/spin", "/sneaky")) {
            long start = System.nanoTime();
            HandlerOutcome out = a.handle(get(path), new FakeContext());
            assertThat(out).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                    f -> assertThat(f.type()).isEqualTo("ExecutionTimeoutException"));
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(20_000);
        }
        // the workers stop: the next calls still run
        for (int i = 0; i < 200 && impatient.activeCalls() > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(impatient.activeCalls()).isZero();
    }

    @Test
    void intentsReachTheHostAfterTheCall() {
        SmartApp a = app(engine, """
                preferences { section { input "switches", "capability.switch", multiple: true } }
                mappings { path("/x") { action: [GET: "x"] } }
                def installed() { subscribe(switches, "switch.on", onHandler); runIn(60, "later"); schedule("0 0 12 * * ?", later) }
                def onHandler(evt) { }
                def later() { }
                def x() { }
                """);
        FakeDevice d = FakeDevice.switchNamed("K", "on");
        FakeContext ctx = new FakeContext().with("switches", d);
        a.lifecycle(SmartApp.Lifecycle.INSTALLED, ctx);
        assertThat(ctx.intents).containsExactly(
                new hearth.engine.api.AppIntent.Subscribe(List.of(d.id()), "switch.on", "onHandler"),
                new hearth.engine.api.AppIntent.RunIn(60, "later", true),
                new hearth.engine.api.AppIntent.Schedule("0 0 12 * * ?", "later"));
    }

    @Test
    void undefinedNamesOfTheAppReadAsNull() {
        SmartApp a = app(engine, """
                mappings { path("/u") { action: [GET: "u"] } }
                def installed() { subscribe(app, appTouch) }
                def u() { [value: notDeclaredAnywhere, inClosure: [1].collect { alsoUndeclared }, set: (later = 2)] }
                """);
        FakeContext ctx = new FakeContext();
        assertThat(a.lifecycle(hearth.engine.api.SmartApp.Lifecycle.INSTALLED, ctx))
                .isInstanceOf(HandlerOutcome.Response.class);
        assertThat(ctx.intents).isEmpty(); // a subscription without a handler is dropped
        assertThat(((Response) a.handle(get("/u"), ctx)).body()).isEqualTo("{\"value\":null,\"inClosure\":[null],\"set\":2}");
    }

    /** Names real apps read that Hearth has no data for: answered, not failed (JSON Complete API). */
    @Test
    void hubsLocationDetailsAndHubActionsAnswer() {
        SmartApp a = app(engine, """
                mappings { path("/l") { action: [GET: "l"] } }
                def l() {
                    sendHubCommand(new physicalgraph.device.HubAction(method: "GET", path: "/x", headers: [HOST: "10.0.0.5:80"]))
                    [lat: location.latitude, zip: location.zipCode, hubs: location.hubs.size(), ip: location.hubs[0].localIP,
                     status: switches[0].status]
                }
                """);
        FakeContext ctx = new FakeContext().with("switches", FakeDevice.switchNamed("Lamp", "on"));
        assertThat(((Response) a.handle(get("/l"), ctx)).body())
                .isEqualTo("{\"lat\":null,\"zip\":null,\"hubs\":1,\"ip\":null,\"status\":\"ONLINE\"}");
    }

    @Test
    void unsupportedPlatformCallsSaySo() {
        SmartApp a = app(engine, """
                mappings { path("/h") { action: [GET: "h"] } ; path("/m") { action: [POST: "m"] } }
                def h() { httpGet("http://10.0.0.1/") { resp -> resp.data } }
                def m() { pause(10); setLocationMode("Away"); location.setMode("Night"); location.helloHome?.execute("Good Night!") }
                """);
        FakeContext ctx = new FakeContext();
        assertThat(a.handle(get("/h"), ctx)).isInstanceOfSatisfying(HandlerOutcome.Failure.class, f -> {
            // outbound HTTP is there (OutboundHttpTest), but never to private addresses unless allowed
            assertThat(f.type()).isEqualTo("OutboundRequestRefusedException");
            assertThat(f.message()).contains("private");
        });
        a.handle(post("/m", ""), ctx);
        // routines exist now (issue 17): helloHome.execute asks the host to run one
        assertThat(ctx.intents).containsExactly(new hearth.engine.api.AppIntent.SetLocationMode("Away"),
                new hearth.engine.api.AppIntent.SetLocationMode("Night"),
                new hearth.engine.api.AppIntent.ExecuteRoutine("r-night"));
    }

    @Test
    void hugeSourcesAreRefusedBeforeParsing() {
        String huge = "definition(name: 'x')\nmappings { }\n" + "// padding\n".repeat(60_000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.compile(huge))
                .hasMessageContaining("the limit is");
    }

    @Test
    void renderAndHttpErrorStayWithinHttp() {
        SmartApp a = app(engine, """
                mappings {
                  path("/cookie") { action: [GET: "cookie"] }
                  path("/split") { action: [GET: "split"] }
                  path("/status") { action: [GET: "status"] }
                  path("/error") { action: [GET: "error"] }
                }
                def cookie() { render(data: "x", headers: ["Set-Cookie": "SESSION=evil"]) }
                def split() { render(data: "x", headers: ["X-A": "1\\r\\nSet-Cookie: a=b"]) }
                def status() { render(data: "x", status: 1000) }
                def error() { httpError(42, "no") }
                """);
        FakeContext ctx = new FakeContext();
        for (String path : List.of("/cookie", "/split", "/status", "/error")) {
            assertThat(a.handle(get(path), ctx)).as(path).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                    f -> assertThat(f.type()).isEqualTo("IllegalArgumentException"));
        }
    }

    @Test
    void renderCannotRedirectOffTheInstallationsOriginNorWeakenSecurityHeaders() {
        SmartApp a = app(engine, """
                mappings { path("/h") { action: [GET: "h"] } }
                def h() { render(status: 302, data: "", headers: [(params.name): params.value]) }
                """);
        FakeContext ctx = new FakeContext();
        String own = ctx.apiServerUrl();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("Location", "https://attacker.example/phish");
        refused.put("location", "//attacker.example/phish");
        refused.put("Content-Location", "http://attacker.example/");
        refused.put("Refresh", "0; url=https://attacker.example/");
        refused.put("Link", "<https://attacker.example/x>; rel=preload");
        refused.put("X-Content-Type-Options", "sniff");
        refused.put("Content-Security-Policy", "default-src *");
        refused.put("X-Frame-Options", "ALLOWALL");
        refused.put("Access-Control-Allow-Origin", "*");
        refused.put("Access-Control-Allow-Headers", "*");
        refused.put("Set-Cookie", "SESSION=x");
        refused.put("Strict-Transport-Security", "max-age=0");
        refused.put("Cross-Origin-Resource-Policy", "cross-origin");
        refused.forEach((name, value) -> assertThat(a.handle(get("/h", Map.of("name", name, "value", value)), ctx))
                .as(name + ": " + value).isInstanceOfSatisfying(HandlerOutcome.Failure.class, f -> {
                    assertThat(f.type()).isEqualTo("IllegalArgumentException");
                    assertThat(f.message()).contains(name);
                }));
        for (String ok : List.of("/api/smartapps/installations/x/done", "done?x=1", own + "/elsewhere")) {
            assertThat(a.handle(get("/h", Map.of("name", "Location", "value", ok)), ctx)).as(ok)
                    .isInstanceOfSatisfying(Response.class, r -> assertThat(r.headers()).containsEntry("Location", ok));
        }
        assertThat(a.handle(get("/h", Map.of("name", "Refresh", "value", "5")), ctx)).isInstanceOf(Response.class);
    }

    @Test
    void classicTimeHelpers() {
        SmartApp a = app(engine, """
                mappings { path("/t") { action: [GET: "t"] } }
                def t() {
                  def tz = TimeZone.getTimeZone("UTC")
                  def d = toDateTime("2015-01-09T15:50:32.000-0600")
                  def night = timeOfDayIsBetween(timeToday("22:00", tz), timeToday("06:00", tz), toDateTime("2020-01-01T23:30:00Z"), tz)
                  def noon = timeOfDayIsBetween(timeToday("22:00", tz), timeToday("06:00", tz), toDateTime("2020-01-01T12:00:00Z"), tz)
                  [epoch: d.time, night: night, noon: noon, at: timeToday("07:30", tz).format("HH:mm", tz)]
                }
                """);
        assertThat(((Response) a.handle(get("/t"), new FakeContext())).body())
                .isEqualTo("{\"epoch\":1420840232000,\"night\":true,\"noon\":false,\"at\":\"07:30\"}");
    }
}
