package hearth.engine;

import hearth.engine.api.ApiRequest;
import hearth.engine.api.AppIntent;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.PreferenceInput;
import hearth.engine.api.SmartApp;
import hearth.engine.support.FakeContext;
import hearth.engine.support.FakeDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static hearth.engine.support.Engines.app;
import static hearth.engine.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pieces of the classic DSL community apps relied on (issue 17): absence as null, the mode
 * for the rest of the call, the schedule shorthands, device and location details, settings
 * changed by the app, Grails converters, params from a posted form.
 */
class ClassicDslTest {
    static final SmartAppEngine engine = hearth.engine.support.Engines.quick();

    @AfterAll
    static void close() {
        engine.close();
    }

    private static String body(HandlerOutcome out) {
        assertThat(out).isInstanceOf(HandlerOutcome.Response.class);
        return String.valueOf(((HandlerOutcome.Response) out).body());
    }

    @Test
    void anUnsetOptionalInputIsNullAndEachOrFindOnItDoNothing() {
        SmartApp a = app(engine, """
                preferences { section { input "sw", "capability.switch", multiple: true, required: false
                                        input "one", "capability.switch", required: false
                                        input "word", "text", required: false } }
                mappings { path("/x") { action: [GET: "x"] } }
                def x() {
                  def seen = []
                  sw.each { seen << it.id }
                  [sw: sw == null, one: one == null, word: word == null, setting: settings.sw == null,
                   found: sw.find { true } == null, seen: seen, any: sw?.any { true } ?: false, count: sw?.size() ?: 0]
                }
                """);
        assertThat(body(a.handle(get("/x"), new FakeContext()))).isEqualTo(
                "{\"sw\":true,\"one\":true,\"word\":true,\"setting\":true,\"found\":true,\"seen\":[],\"any\":false,"
                        + "\"count\":0}");
    }

    @Test
    void aChosenMultipleInputIsStillAList() {
        SmartApp a = app(engine, """
                preferences { section { input "sw", "capability.switch", multiple: true, required: false } }
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { sw*.displayName }
                """);
        FakeContext ctx = new FakeContext().with("sw", FakeDevice.switchNamed("Lamp", "off"));
        assertThat(body(a.handle(get("/x"), ctx))).isEqualTo("[\"Lamp\"]");
    }

    @Test
    void setLocationModeHoldsForTheRestOfTheCallAndRefusesAModeTheLocationLacks() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] }
                           path("/bad") { action: [GET: "bad"] } }
                def x() {
                  def before = location.mode
                  setLocationMode("Away")
                  def middle = [location.mode, location.currentMode.name, location.currentMode as String]
                  location.setMode("Night")
                  [before: before, middle: middle, after: location.mode]
                }
                def bad() { setLocationMode("Vacation") }
                """);
        FakeContext ctx = new FakeContext();
        assertThat(body(a.handle(get("/x"), ctx)))
                .isEqualTo("{\"before\":\"Home\",\"middle\":[\"Away\",\"Away\",\"Away\"],\"after\":\"Night\"}");
        assertThat(ctx.intents).containsExactly(new AppIntent.SetLocationMode("Away"),
                new AppIntent.SetLocationMode("Night"));
        ctx.intents.clear();
        HandlerOutcome bad = a.handle(get("/bad"), ctx);
        assertThat(bad).isInstanceOf(HandlerOutcome.Failure.class);
        assertThat(((HandlerOutcome.Failure) bad).message())
                .contains("'Vacation' is not a mode of Location 'Home'").contains("Home, Away, Night");
        assertThat(ctx.intents).isEmpty();
    }

    @Test
    void everyRunEveryShorthandSchedulesItsCron() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] } }
                def x() {
                  runEvery1Minute(h); runEvery5Minutes(h); runEvery10Minutes(h); runEvery15Minutes(h)
                  runEvery30Minutes("h"); runEvery1Hour(h); runEvery3Hours(h, [overwrite: true])
                }
                def h() { }
                """);
        FakeContext ctx = new FakeContext();
        a.handle(get("/x"), ctx);
        assertThat(ctx.intents).extracting(i -> ((AppIntent.Schedule) i).when()).containsExactly(
                "0 */1 * * * ?", "0 */5 * * * ?", "0 */10 * * * ?", "0 */15 * * * ?", "0 */30 * * * ?",
                "0 0 */1 * * ?", "0 0 */3 * * ?");
        assertThat(ctx.intents).extracting(i -> ((AppIntent.Schedule) i).handler()).containsOnly("h");
    }

    @Test
    void runOnceAsksForARunInOfTheSecondsUntilItsTimeAndAPastTimeRunsNow() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] } }
                def x() {
                  runOnce(new Date(now() + 90000), h)
                  runOnce(new Date(now() - 5000), "h", [overwrite: false])
                  runOnce("2001-01-01T00:00:00.000Z", h)
                }
                def h() { }
                """);
        FakeContext ctx = new FakeContext();
        a.handle(get("/x"), ctx);
        assertThat(ctx.intents).hasSize(3).allSatisfy(i -> assertThat(((AppIntent.RunIn) i).handler()).isEqualTo("h"));
        assertThat(((AppIntent.RunIn) ctx.intents.get(0)).seconds()).isBetween(89L, 90L);
        assertThat(ctx.intents.subList(1, 3)).extracting(i -> ((AppIntent.RunIn) i).seconds()).containsOnly(0L);
        assertThat(ctx.intents).extracting(i -> ((AppIntent.RunIn) i).overwrite()).containsExactly(true, false, true);
    }

    @Test
    void sendLocationEventAsksTheHostForAnEventOfTheLocationWithItsDataAsJson() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] }
                           path("/bad") { action: [GET: "bad"] } }
                def x() {
                  sendLocationEvent([name: "webCoRE", value: 'poll', isStateChange: true, displayed: false])
                  sendLocationEvent(name: "piston-1", value: "My ${app.label}", data: [a: 1, b: ["c"]],
                                    descriptionText: "ran")
                }
                def bad() { sendLocationEvent(value: "nameless") }
                """);
        FakeContext ctx = new FakeContext();
        a.handle(get("/x"), ctx);
        assertThat(ctx.intents).containsExactly(
                new AppIntent.LocationEvent("webCoRE", "poll", null, null),
                new AppIntent.LocationEvent("piston-1", "My My App", "{\"a\":1,\"b\":[\"c\"]}", "ran"));
        FakeContext other = new FakeContext();
        assertThat(a.handle(get("/bad"), other)).isInstanceOf(HandlerOutcome.Failure.class);
        assertThat(other.intents).isEmpty();
    }

    @Test
    void aDeviceAnswersItsAttributeStatesTypeAuthorAndWhatItRespondsTo() {
        SmartApp a = app(engine, """
                preferences { section { input "sw", "capability.switch" } }
                mappings { path("/x") { action: [GET: "x"] } }
                def x() {
                  [state: sw.switchState.value, name: sw.switchState.name, author: sw.typeAuthor,
                   on: sw.respondsTo("on") as boolean, fly: sw.respondsTo("fly") as boolean,
                   caps: sw.capabilities.collect { [it.name, it.commands*.name] },
                   commands: sw.supportedCommands*.name]
                }
                """);
        FakeContext ctx = new FakeContext().with("sw", FakeDevice.switchNamed("Lamp", "on"));
        assertThat(body(a.handle(get("/x"), ctx))).isEqualTo("{\"state\":\"on\",\"name\":\"switch\",\"author\":null,"
                + "\"on\":true,\"fly\":false,\"caps\":[[\"Switch\",[\"on\",\"off\"]]],\"commands\":[\"on\",\"off\"]}");
    }

    @Test
    void anAttributeStateTheDeviceLacksIsNullAsItsCurrentValueIs() {
        // Freeboard reads temperatureState of every chosen device, contact sensors included
        SmartApp a = app(engine, """
                preferences { section { input "sw", "capability.switch" } }
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { [state: sw.temperatureState, value: sw.currentTemperature, byName: sw["switchState"]?.value] }
                """);
        FakeContext ctx = new FakeContext().with("sw", FakeDevice.switchNamed("Lamp", "on"));
        assertThat(body(a.handle(get("/x"), ctx))).isEqualTo("{\"state\":null,\"value\":null,\"byName\":\"on\"}");
    }

    @Test
    void theLocationAnswersItsModeStateAndTemperatureScale() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] } }
                def x() {
                  [mode: location.currentState("mode")?.value, shm: location.currentState("alarmSystemStatus")?.value,
                   scale: location.temperatureScale, own: getTemperatureScale(), bare: temperatureScale]
                }
                """);
        assertThat(body(a.handle(get("/x"), new FakeContext())))
                .isEqualTo("{\"mode\":\"Home\",\"shm\":null,\"scale\":\"C\",\"own\":\"C\",\"bare\":\"C\"}");
    }

    @Test
    void theLocationHasNoActiveIncidentsSinceHearthHasNoSmartHomeMonitor() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] } }
                def x() {
                  def recent = location.activeIncidents.collect { [date: it?.date?.time, title: it?.getTitle()] }
                          .findAll { it?.date >= now() - 604800000 } ?: null
                  [incidents: location.activeIncidents, recent: recent, size: location.getActiveIncidents().size()]
                }
                """);
        assertThat(body(a.handle(get("/x"), new FakeContext())))
                .isEqualTo("{\"incidents\":[],\"recent\":null,\"size\":0}");
    }

    @Test
    void anEventNamesItsSourceDeviceOrLocationAndHasNoRawDescription() {
        SmartApp a = app(engine, """
                preferences { section { input "sw", "capability.switch", multiple: true, required: false } }
                mappings { path("/x") { action: [GET: "x"] } }
                def handler(e) { state.seen = (state.seen ?: []) + ["$e.source/${e.description}/${"$e.source" == "DEVICE"}"] }
                def x() { }
                """);
        FakeContext ctx = new FakeContext().with("sw", new FakeDevice("sw-1", "Lamp", List.of("switch"), Map.of("switch", "on")));
        a.runHandler("handler", new hearth.engine.api.AppEvent("switch", "on", null, "sw-1", null, null, null), ctx);
        a.runHandler("handler", new hearth.engine.api.AppEvent("mode", "Away", null, null, null, null, null), ctx);
        assertThat(ctx.state.json).contains("\"seen\":[\"DEVICE/null/true\",\"LOCATION/null/false\"]");
    }

    @Test
    void updateSettingChangesTheSettingForTheRestOfTheCallAndAsksTheHostToKeepIt() {
        SmartApp a = app(engine, """
                preferences { section { input "limit", "number", required: false } }
                mappings { path("/x") { action: [GET: "x"] } }
                def x() {
                  app.updateSetting("limit", 7)
                  app.updateSetting("mode", [type: "enum", value: "eco"])
                  [limit: limit, setting: settings.limit, mode: settings.mode]
                }
                """);
        FakeContext ctx = new FakeContext();
        assertThat(body(a.handle(get("/x"), ctx))).isEqualTo("{\"limit\":7,\"setting\":7,\"mode\":\"eco\"}");
        assertThat(ctx.intents).containsExactly(new AppIntent.UpdateSetting("limit", 7),
                new AppIntent.UpdateSetting("mode", "eco"));
    }

    @Test
    void enumOptionsGivenAsMetadataValuesAreTheOptions() {
        SmartApp a = app(engine, """
                preferences { section {
                  input "push", "enum", title: "Push?", metadata: [values: ["Yes", "No"]], required: false
                } }
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { }
                """);
        PreferenceInput push = a.inputs().get(0);
        assertThat(push.options()).containsExactly("Yes", "No");
    }

    @Test
    void grailsConvertersWriteJsonAndEscapeHtml() {
        SmartApp a = app(engine, """
                import grails.converters.JSON
                preferences { section { input "sw", "capability.switch" } }
                mappings { path("/json") { action: [GET: "json"] }
                           path("/as") { action: [GET: "asJson"] }
                           path("/html") { action: [GET: "html"] } }
                def json() { render contentType: "application/json", data: [a: 1, dev: sw, l: [1, "x"]].encodeAsJSON() }
                def asJson() { render contentType: "application/json", data: ([b: [true, null]] as JSON).toString() }
                def html() { "<b title='x'>&amp;</b>".encodeAsHTML() + [1, 2].encodeAsJSON() }
                """);
        FakeDevice lamp = FakeDevice.switchNamed("Lamp", "on");
        FakeContext ctx = new FakeContext().with("sw", lamp);
        assertThat(body(a.handle(get("/json"), ctx))).isEqualTo("{\"a\":1,\"dev\":{\"id\":\"" + lamp.id()
                + "\",\"name\":\"Virtual Device\",\"label\":\"Lamp\",\"displayName\":\"Lamp\",\"typeName\":\"Virtual switch\"},"
                + "\"l\":[1,\"x\"]}");
        assertThat(body(a.handle(get("/as"), ctx))).isEqualTo("{\"b\":[true,null]}");
        assertThat(body(a.handle(get("/html"), ctx))).isEqualTo("&lt;b title=&#39;x&#39;&gt;&amp;amp;&lt;/b&gt;[1,2]");
    }

    @Test
    void subscribeAnswersTheSubscription() {
        SmartApp a = app(engine, """
                preferences { section { input "sw", "capability.switch" } }
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { def s = subscribe(sw, "switch", h); [made: s as boolean, handler: s.handler, name: s.name] }
                def h(evt) { }
                """);
        FakeContext ctx = new FakeContext().with("sw", FakeDevice.switchNamed("Lamp", "on"));
        assertThat(body(a.handle(get("/x"), ctx))).isEqualTo("{\"made\":true,\"handler\":\"h\",\"name\":\"switch\"}");
    }

    @Test
    void paramsHoldTheQueryAndAPostedFormOnEveryMethod() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [POST: "x", PUT: "x", GET: "x"] } }
                def x() { render contentType: "application/json", data: groovy.json.JsonOutput.toJson(params.sort()) }
                """);
        Map<String, String> form = Map.of("content-type", "application/x-www-form-urlencoded; charset=UTF-8");
        for (String method : List.of("POST", "PUT", "GET")) {
            ApiRequest request = new ApiRequest(method, "/x", Map.of("deviceId", "d1"), form,
                    "callbackUrl=http%3A%2F%2Fh%3A1%2Fcb&name=a+b&deviceId=ignored");
            assertThat(body(a.handle(request, new FakeContext()))).as(method)
                    .isEqualTo("{\"callbackUrl\":\"http://h:1/cb\",\"deviceId\":\"d1\",\"name\":\"a b\"}");
        }
        ApiRequest json = new ApiRequest("POST", "/x", Map.of("q", "1"), Map.of("content-type", "application/json"),
                "{\"a\":1}");
        assertThat(body(a.handle(json, new FakeContext()))).isEqualTo("{\"q\":\"1\"}");
    }

    @Test
    void helloHomeListsTheRoutinesAndRunsOneWhoseModeHoldsForTheRestOfTheCall() {
        SmartApp a = app(engine, """
                mappings { path("/x") { action: [GET: "x"] }
                           path("/bad") { action: [GET: "bad"] } }
                def x() {
                  def labels = location.helloHome?.getPhrases()*.label.sort()
                  def ids = location.helloHome.phrases.collect { [(it.id): it.label] }
                  location.helloHome.execute("Goodbye!")
                  [labels: labels, first: ids[0], mode: location.mode, phrases: location.helloHome.getPhrases().size()]
                }
                def bad() { location.helloHome.execute("Party!") }
                """);
        FakeContext ctx = new FakeContext();
        assertThat(body(a.handle(get("/x"), ctx))).isEqualTo("{\"labels\":[\"Good Morning!\",\"Good Night!\","
                + "\"Goodbye!\",\"I'm Back!\"],\"first\":{\"r-morning\":\"Good Morning!\"},\"mode\":\"Away\","
                + "\"phrases\":4}");
        assertThat(ctx.intents).containsExactly(new AppIntent.ExecuteRoutine("r-goodbye"));
        ctx.intents.clear();
        HandlerOutcome bad = a.handle(get("/bad"), ctx);
        assertThat(((HandlerOutcome.Failure) bad).message()).contains("'Party!' is not a routine of this Location")
                .contains("Good Morning!, Goodbye!");
        assertThat(ctx.intents).isEmpty();
    }
}
