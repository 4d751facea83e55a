package hearth.hub;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3ClientBuilder;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuth;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscription;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The MQTT client of one connection attempt, in the version the hub speaks (HiveMQ's MQTT 5 and
 * MQTT 3.1.1 clients behind one face): connect, subscribe at QoS 1, publish at QoS 1, disconnect.
 * MQTT 5 also tells the broker the largest packet Hearth takes and asks it not to echo Hearth's
 * own publishes; with 3.1.1 the size is checked on arrival only.
 */
interface MqttLink {
    /** {@code "5"} (the default) and {@code "3.1.1"}, as a hub's {@code mqttVersion} names them. */
    List<String> VERSIONS = List.of("5", "3.1.1");

    CompletableFuture<?> connect(String username, Optional<String> password, long maxPacketSize);

    CompletableFuture<?> subscribe(List<String> filters);

    CompletableFuture<?> publish(String topic, byte[] payload);

    void disconnect();

    /**
     * @param onMessage      each publish received (topic, payload), on the client's thread
     * @param onDisconnected the connection ended or could not be made, with the cause
     */
    static MqttLink open(String version, String identifier, InetSocketAddress address, boolean tls,
                         BiConsumer<String, byte[]> onMessage, Consumer<Throwable> onDisconnected) {
        return "3.1.1".equals(version) ? new V3(identifier, address, tls, onMessage, onDisconnected)
                : new V5(identifier, address, tls, onMessage, onDisconnected);
    }

    final class V5 implements MqttLink {
        private final Mqtt5AsyncClient client;

        V5(String identifier, InetSocketAddress address, boolean tls, BiConsumer<String, byte[]> onMessage,
           Consumer<Throwable> onDisconnected) {
            Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5().identifier(identifier)
                    .serverAddress(address).addDisconnectedListener(c -> onDisconnected.accept(c.getCause()));
            if (tls) {
                builder = builder.sslWithDefaultConfig();
            }
            client = builder.buildAsync();
            client.publishes(MqttGlobalPublishFilter.ALL, p -> onMessage.accept(p.getTopic().toString(),
                    p.getPayloadAsBytes()));
        }

        @Override
        public CompletableFuture<?> connect(String username, Optional<String> password, long maxPacketSize) {
            var connect = client.connectWith().cleanStart(true).keepAlive(30)
                    .restrictions().maximumPacketSize((int) Math.min(Integer.MAX_VALUE, maxPacketSize))
                    .applyRestrictions();
            byte[] secret = password.map(p -> p.getBytes(StandardCharsets.UTF_8)).orElse(null);
            if (username != null || secret != null) {
                var auth = Mqtt5SimpleAuth.builder();
                Mqtt5SimpleAuth built = username != null
                        ? (secret != null ? auth.username(username).password(secret).build() : auth.username(username).build())
                        : auth.password(secret).build();
                connect = connect.simpleAuth(built);
            }
            return connect.send();
        }

        @Override
        public CompletableFuture<?> subscribe(List<String> filters) {
            List<Mqtt5Subscription> out = new ArrayList<>();
            for (String filter : filters) {
                out.add(Mqtt5Subscription.builder().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).noLocal(true)
                        .build());
            }
            return client.subscribeWith().addSubscriptions(out).send();
        }

        @Override
        public CompletableFuture<?> publish(String topic, byte[] payload) {
            return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
        }

        @Override
        public void disconnect() {
            client.disconnect();
        }
    }

    final class V3 implements MqttLink {
        private final Mqtt3AsyncClient client;

        V3(String identifier, InetSocketAddress address, boolean tls, BiConsumer<String, byte[]> onMessage,
           Consumer<Throwable> onDisconnected) {
            Mqtt3ClientBuilder builder = MqttClient.builder().useMqttVersion3().identifier(identifier)
                    .serverAddress(address).addDisconnectedListener(c -> onDisconnected.accept(c.getCause()));
            if (tls) {
                builder = builder.sslWithDefaultConfig();
            }
            client = builder.buildAsync();
            client.publishes(MqttGlobalPublishFilter.ALL, p -> onMessage.accept(p.getTopic().toString(),
                    p.getPayloadAsBytes()));
        }

        @Override
        public CompletableFuture<?> connect(String username, Optional<String> password, long maxPacketSize) {
            var connect = client.connectWith().cleanSession(true).keepAlive(30);
            if (username != null) { // MQTT 3.1.1 has no password without a username
                var auth = Mqtt3SimpleAuth.builder().username(username);
                connect = connect.simpleAuth(password.isPresent()
                        ? auth.password(password.get().getBytes(StandardCharsets.UTF_8)).build() : auth.build());
            } else if (password.isPresent()) {
                CompletableFuture<?> refused = new CompletableFuture<>();
                refused.completeExceptionally(new HubException("MQTT 3.1.1 sends a password only with a username; "
                        + "set the hub's username, or use mqttVersion \"5\""));
                return refused;
            }
            return connect.send();
        }

        @Override
        public CompletableFuture<?> subscribe(List<String> filters) {
            List<Mqtt3Subscription> out = new ArrayList<>();
            for (String filter : filters) {
                out.add(Mqtt3Subscription.builder().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).build());
            }
            return client.subscribeWith().addSubscriptions(out).send();
        }

        @Override
        public CompletableFuture<?> publish(String topic, byte[] payload) {
            return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
        }

        @Override
        public void disconnect() {
            client.disconnect();
        }
    }
}
