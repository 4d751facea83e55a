package hearth.engine;

import hearth.engine.api.ApiRequest;
import hearth.engine.api.AppPage;
import hearth.engine.api.AttributeState;
import hearth.engine.api.Call;
import hearth.engine.api.CallPorts;
import hearth.engine.api.CallResult;
import hearth.engine.api.DeviceSnapshot;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.HubSnapshot;
import hearth.engine.api.InstallationSnapshot;
import hearth.engine.api.LocationInfo;
import hearth.engine.api.SmartApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static hearth.engine.support.Engines.app;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classic {@code location.hubs} and {@code device.hub} (issue 17): the Location's real hubs, then
 * its virtual one; a hub's device names its hub, a virtual device the virtual hub. And the
 * {@code params} an {@code href(page:, params:)} hands the page it opens.
 */
class LocationHubsTest {
    static final SmartAppEngine engine = hearth.engine.support.Engines.quick();
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @AfterAll
    static void close() {
        engine.close();
    }

    static final String APP = """
            preferences {
              page(name: "first")
              page(name: "detail")
              section { input "lights", "capability.switch", multiple: true }
            }
            mappings { path("/hubs") { action: [GET: "hubs"] } }
            def hubs() {
              [hubs: location.hubs.collect { [id: it.id, name: it.name, type: it.type, status: it.status, ip: it.localIP] },
               lights: lights.collect { [it.displayName, it.hub.name, it.hub.type] }]
            }
            def first() { dynamicPage(name: "first") { section { href "detail", title: "Kitchen", params: [room: "kitchen"] } } }
            def detail(params) { dynamicPage(name: "detail", title: "Room ${params?.room}") { section { paragraph "${params}" } } }
            """;

    static DeviceSnapshot light(String id, String hubId) {
        return new DeviceSnapshot(id, "Light " + id, "Light", "Light", List.of("switch"),
                Map.of("switch", new AttributeState("switch", "off", null, T0)), hubId);
    }

    static InstallationSnapshot snapshot(DeviceSnapshot... lights) {
        return new InstallationSnapshot("inst-1", "app-1", "Hubs", new LocationInfo("loc-1", "Home", "UTC", "Home",
                List.of("Home", "Away"), "C"), Map.of(), Map.of("lights", List.of(lights)), "{}",
                "https://hearth.example");
    }

    @Test
    void locationHubsListTheRealHubsFirstThenTheVirtualOneAndEachDeviceNamesItsHub() {
        SmartApp a = app(engine, APP);
        AtomicInteger asked = new AtomicInteger();
        CallPorts ports = new CallPorts() {
            @Override
            public List<HubSnapshot> hubs() {
                asked.incrementAndGet();
                return List.of(new HubSnapshot("hub-1", "Attic broker", true), new HubSnapshot("hub-2", "Shed", false));
            }
        };
        CallResult result = a.call(snapshot(light("a", "hub-2"), light("b", null)),
                new Call.Api(new ApiRequest("GET", "/hubs", Map.of(), Map.of(), ""), null), ports);

        assertThat(((HandlerOutcome.Response) result.outcome()).body()).isEqualTo("{\"hubs\":["
                + "{\"id\":\"hub-1\",\"name\":\"Attic broker\",\"type\":\"PHYSICAL\",\"status\":\"ACTIVE\",\"ip\":null},"
                + "{\"id\":\"hub-2\",\"name\":\"Shed\",\"type\":\"PHYSICAL\",\"status\":\"INACTIVE\",\"ip\":null},"
                + "{\"id\":\"loc-1\",\"name\":\"Hearth\",\"type\":\"VIRTUAL\",\"status\":\"ACTIVE\",\"ip\":null}],"
                + "\"lights\":[[\"Light a\",\"Shed\",\"PHYSICAL\"],[\"Light b\",\"Hearth\",\"VIRTUAL\"]]}");
        assertThat(asked).as("the host is asked once per call").hasValue(1);
    }

    @Test
    void aLocationWithoutRealHubsHasItsVirtualHubOnlyAndTheHostIsNotAskedUntilAnAppReadsThem() {
        SmartApp a = app(engine, APP);
        AtomicInteger asked = new AtomicInteger();
        CallPorts ports = new CallPorts() {
            @Override
            public List<HubSnapshot> hubs() {
                asked.incrementAndGet();
                return List.of();
            }
        };
        CallResult page = a.call(snapshot(light("b", null)), new Call.Page("first"), ports);
        assertThat(page.outcome()).isNotInstanceOf(HandlerOutcome.Failure.class);
        assertThat(asked).hasValue(0);
        CallResult result = a.call(snapshot(light("b", null)),
                new Call.Api(new ApiRequest("GET", "/hubs", Map.of(), Map.of(), ""), null), ports);
        assertThat(((HandlerOutcome.Response) result.outcome()).body()).startsWith(
                "{\"hubs\":[{\"id\":\"loc-1\",\"name\":\"Hearth\",\"type\":\"VIRTUAL\"");
    }

    @Test
    void aPageOpenedFromAnHrefWithParamsGetsThemAsItsMethodsArgument() {
        SmartApp a = app(engine, APP);
        AppPage first = a.call(snapshot(), new Call.Page("first"), CallPorts.NONE).page();
        AppPage.Href href = (AppPage.Href) first.sections().get(0).elements().get(0);
        assertThat(href.params()).isEqualTo(Map.of("room", "kitchen"));

        AppPage detail = a.call(snapshot(), new Call.Page("detail", href.params()), CallPorts.NONE).page();
        assertThat(detail.title()).isEqualTo("Room kitchen");
        assertThat(detail.sections().get(0).elements()).containsExactly(new AppPage.Paragraph(null, "[room:kitchen]"));

        AppPage bare = a.call(snapshot(), new Call.Page("detail"), CallPorts.NONE).page();
        assertThat(bare.title()).as("no params: an empty map, as classic's direct open").isEqualTo("Room null");
    }
}
