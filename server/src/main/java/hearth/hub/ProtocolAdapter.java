package hearth.hub;

import java.util.List;
import java.util.Optional;

/**
 * One device protocol spoken over a hub's broker (zigbee2mqtt, Home Assistant discovery, Tasmota):
 * the topics it reads, what it makes of each message, and how a Hearth command is published.
 * Messages come one at a time, in order, on the hub's own thread; {@link #command} may come from
 * any thread.
 */
interface ProtocolAdapter {

    /** The MQTT topic filters to subscribe to. */
    List<String> topicFilters();

    /** Whether the topic is this adapter's. */
    boolean handles(String topic);

    /** A message on one of its topics; malformed ones are reported to the sink and ignored. */
    void onMessage(String topic, byte[] payload);

    /** The publish for a command to one of its devices, or empty when the device is not its. */
    Optional<Outgoing> command(String deviceId, String command, List<Object> arguments);

    /** The connection was lost: what it knew came from retained messages, which will come again. */
    default void disconnected() {
    }

    /** A message to publish (QoS 1, not retained); {@link #NOTHING} for a command that needs none. */
    record Outgoing(String topic, byte[] payload) {
        static final Outgoing NOTHING = new Outgoing(null, new byte[0]);
    }
}
