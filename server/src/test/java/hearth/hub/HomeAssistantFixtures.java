package hearth.hub;

import hearth.device.LocalDevices.Reading;
import hearth.engine.api.UnsupportedCommandException;
import hearth.support.TestResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows of Home Assistant discovery fixtures (src/test/resources/hub/ha-*.json), each run through
 * the real {@link HomeAssistantAdapter} on a recording sink: its configs in, the device's
 * capabilities, each state message's attribute, each command's topic and payload, and each
 * refusal's message.
 */
final class HomeAssistantFixtures {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode rows;

    HomeAssistantFixtures(String resource) {
        this.rows = JSON.readTree(TestResources.read(resource)).get("rows");
    }

    /** What the adapter told its hub. */
    static final class Sink implements HubSink {
        final Map<String, Discovered> devices = new LinkedHashMap<>();
        final List<Map<String, Reading>> reports = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        @Override
        public Map<String, String> sync(String protocol, List<Discovered> found) {
            return Map.of();
        }

        @Override
        public String upsert(Discovered device) {
            devices.put(device.address(), device);
            return "id-" + device.address();
        }

        @Override
        public void remove(String address) {
            devices.remove(address);
        }

        @Override
        public void subscribe(List<String> filters) {
        }

        @Override
        public void report(String deviceId, Map<String, Reading> readings) {
            reports.add(readings);
        }

        @Override
        public void bridge(String state) {
        }

        @Override
        public void renamed(String address, String from, String to) {
        }

        @Override
        public void problem(String kind, String detail) {
            problems.add(kind + ": " + detail);
        }
    }

    /** The row's configs, given to a fresh adapter. */
    record Loaded(HomeAssistantAdapter adapter, Sink sink, JsonNode row) {
        /** The device (by its label) the row names, or the first one. */
        String deviceId(JsonNode entry) {
            String label = entry.path("device").isString() ? entry.get("device").asString() : null;
            return sink.devices.values().stream().filter(d -> label == null || d.label().equals(label))
                    .map(d -> "id-" + d.address()).findFirst().orElseThrow(() -> new AssertionError(
                            "no device " + label + " among " + sink.devices.values()));
        }
    }

    Loaded load(String name) {
        JsonNode row = rows.get(name);
        assertThat(row).as("fixture row " + name).isNotNull();
        Sink sink = new Sink();
        HomeAssistantAdapter adapter = new HomeAssistantAdapter("homeassistant", "zigbee2mqtt", sink, 50);
        for (JsonNode c : row.get("configs")) {
            // an empty config ("" in the fixture) is the empty payload that removes an entity
            byte[] payload = c.get("config").isString() && c.get("config").asString().isEmpty() ? new byte[0]
                    : JSON.writeValueAsString(c.get("config")).getBytes(StandardCharsets.UTF_8);
            assertThat(adapter.handles(c.get("topic").asString())).isTrue();
            adapter.onMessage(c.get("topic").asString(), payload);
        }
        assertThat(sink.problems).as("problems").isEmpty();
        return new Loaded(adapter, sink, row);
    }

    /** Runs the whole row: capabilities, states, commands, refusals. */
    void check(String name) {
        Loaded l = load(name);
        JsonNode row = l.row();
        if (row.has("capabilities")) {
            Map<String, List<String>> byLabel = new LinkedHashMap<>();
            l.sink().devices.values().forEach(d -> byLabel.put(d.label(), d.capabilities()));
            if (row.get("capabilities").isArray()) {
                assertThat(byLabel).hasSize(1);
                assertThat(byLabel.values().iterator().next()).as("capabilities")
                        .containsExactlyInAnyOrderElementsOf(strings(row.get("capabilities")));
            } else {
                Map<String, List<String>> expected = new LinkedHashMap<>();
                row.get("capabilities").properties().forEach(e -> expected.put(e.getKey(), strings(e.getValue())));
                assertThat(byLabel.keySet()).as("devices").containsExactlyInAnyOrderElementsOf(expected.keySet());
                expected.forEach((label, caps) -> assertThat(byLabel.get(label)).as("capabilities of " + label)
                        .containsExactlyInAnyOrderElementsOf(caps));
            }
        }
        for (JsonNode s : row.path("states")) {
            String topic = s.get("topic").asString();
            assertThat(l.adapter().handles(topic)).as("listens on " + topic).isTrue();
            assertThat(l.adapter().topicFilters()).as("subscribes to " + topic).contains(topic);
            l.sink().reports.clear();
            l.adapter().onMessage(topic, s.get("payload").asString().getBytes(StandardCharsets.UTF_8));
            Map<String, Reading> all = new LinkedHashMap<>();
            l.sink().reports.forEach(all::putAll);
            String attribute = s.get("attribute").asString();
            if (s.get("value").isNull()) {
                assertThat(all).as(topic + " " + s.get("payload") + ": nothing for " + attribute)
                        .doesNotContainKey(attribute);
                continue;
            }
            assertThat(all).as(topic + " " + s.get("payload")).containsKey(attribute);
            assertThat(all.get(attribute).value().toString()).as(attribute).isEqualTo(s.get("value").asString());
            if (s.has("unit")) {
                assertThat(all.get(attribute).unit()).as(attribute + "'s unit").isEqualTo(s.get("unit").asString());
            }
        }
        for (JsonNode c : row.path("commands")) {
            ProtocolAdapter.Outgoing out = l.adapter().command(l.deviceId(c), c.get("command").asString(),
                    arguments(c)).orElseThrow();
            assertThat(out.topic()).as(c.get("command").asString() + "'s topic").isEqualTo(c.get("topic").asString());
            assertThat(new String(out.payload(), StandardCharsets.UTF_8)).as(c.get("command").asString()
                    + "'s payload").isEqualTo(c.get("payload").asString());
        }
        for (JsonNode r : row.path("refused")) {
            assertThatThrownBy(() -> l.adapter().command(l.deviceId(r), r.get("command").asString(), arguments(r)))
                    .as(r.get("command").asString() + " " + r.get("arguments"))
                    .isInstanceOf(UnsupportedCommandException.class)
                    .hasMessage(r.get("message").asString());
        }
    }

    private static List<Object> arguments(JsonNode command) {
        List<Object> out = new ArrayList<>();
        for (JsonNode a : command.path("arguments")) {
            out.add(a.isNumber() ? a.decimalValue() : a.asString());
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asString()));
        return out;
    }
}
