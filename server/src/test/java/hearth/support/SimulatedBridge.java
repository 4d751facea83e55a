package hearth.support;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small zigbee2mqtt on the real broker: publishes a retained {@code bridge/devices} and device
 * states, and answers each {@code <name>/set} by publishing the new state, as the real bridge does.
 * Everything it made retained is cleared on {@link #close()}.
 */
public final class SimulatedBridge implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final Mqtt5BlockingClient client;
    private final Set<String> retained = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> states = new ConcurrentHashMap<>();
    /** Every /set received: topic and JSON, in order. */
    public final List<String> commands = new CopyOnWriteArrayList<>();

    public SimulatedBridge(String host, int port, String base) {
        this.base = base;
        this.client = MqttClient.builder().useMqttVersion5().identifier("bridge-" + UUID.randomUUID())
                .serverHost(host).serverPort(port).buildBlocking();
        client.connect();
        client.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> {
            String topic = p.getTopic().toString();
            String payload = new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8);
            watches.forEach((filter, seen) -> {
                if (com.hivemq.client.mqtt.datatypes.MqttTopicFilter.of(filter).matches(p.getTopic())) {
                    seen.add(topic + " " + payload);
                }
            });
            if (topic.startsWith(base + "/") && topic.endsWith("/set")) {
                commands.add(topic + " " + payload);
                String name = topic.substring(base.length() + 1, topic.length() - "/set".length());
                JsonNode set = JSON.readTree(payload);
                ObjectNode state = states.computeIfAbsent(name, n -> JSON.createObjectNode());
                state.setAll((ObjectNode) set);
                state(name, state.toString());
            }
        });
        client.subscribeWith().topicFilter(base + "/+/set").qos(MqttQos.AT_LEAST_ONCE).send();
    }

    private final Map<String, List<String>> watches = new ConcurrentHashMap<>();

    /** Collects "topic payload" of every message on the filter (a device's command topics). */
    public void watch(String filter, List<String> seen) {
        watches.put(filter, seen);
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
    }

    public String base() {
        return base;
    }

    /** The bridge/devices entries of the real definitions in the fixture, retained. */
    public void devices(String json) {
        publishRetained(base + "/bridge/devices", json);
    }

    /** A device's state, retained as zigbee2mqtt does. */
    public void state(String friendlyName, String json) {
        publishRetained(base + "/" + friendlyName, json);
    }

    public void publishRetained(String topic, String payload) {
        publishRetained(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    public void publishRetained(String topic, byte[] payload) {
        retained.add(topic);
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(payload).send();
    }

    public void publish(String topic, byte[] payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_MOST_ONCE).payload(payload).send();
    }

    @Override
    public void close() {
        try {
            for (String topic : retained) {
                client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(new byte[0]).send();
            }
        } finally {
            client.disconnect();
        }
    }
}
