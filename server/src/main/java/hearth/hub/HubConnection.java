package hearth.hub;

import hearth.HearthProperties;
import hearth.engine.api.UnsupportedCommandException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One hub's connection to its broker (MQTT 5 or 3.1.1, HiveMQ's client, {@link MqttLink}): connects to the address
 * {@link HubAddresses} checked, subscribes the adapters' topics (retained messages then re-sync
 * every device), hands each message to its adapter on this hub's own thread, one at a time, and
 * reconnects with a doubling backoff, checking the address again each time. What a broker can
 * make it do is bounded: the packet size it announces (and checks), the messages waiting (a flood
 * beyond the queue is dropped), and what each adapter keeps.
 */
final class HubConnection {
    private static final Logger log = LoggerFactory.getLogger(HubConnection.class);
    private static final int MAX_LOGGED_KINDS = 50;
    private static final int MAX_SUBSCRIPTIONS = 10_000;

    private final Hub hub;
    private final Optional<String> password;
    private final HubAddresses addresses;
    private final HearthProperties.Hubs settings;
    private final ScheduledExecutorService timer;
    private final List<ProtocolAdapter> adapters = new ArrayList<>();
    private final BlockingQueue<Message> queue;
    private final Thread worker;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger generation = new AtomicInteger();
    private volatile MqttLink client;
    private volatile HubStatus status = HubStatus.CONNECTING;
    private volatile String lastError;
    private volatile String zigbee2mqtt;
    private volatile boolean stopped;

    private record Message(String topic, byte[] payload) {
    }

    HubConnection(Hub hub, Optional<String> password, HubAddresses addresses, HearthProperties.Hubs settings,
                  ScheduledExecutorService timer, HubSink sink) {
        this.hub = hub;
        this.password = password;
        this.addresses = addresses;
        this.settings = settings;
        this.timer = timer;
        this.queue = new ArrayBlockingQueue<>(settings.queue());
        adapters.add(new Zigbee2MqttAdapter(hub.baseTopic(), sink, settings.maxDevices()));
        adapters.add(new HomeAssistantAdapter(hub.discoveryPrefix(), hub.baseTopic(), sink, settings.maxDevices()));
        if (hub.tasmotaDiscovery()) {
            adapters.add(new TasmotaAdapter(sink, settings.maxDevices()));
        }
        this.worker = new Thread(this::work, "hearth-hub-" + hub.id().substring(0, Math.min(8, hub.id().length())));
        worker.setDaemon(true);
    }

    Hub hub() {
        return hub;
    }

    HubStatus status() {
        return status;
    }

    String lastError() {
        return lastError;
    }

    /** How this connection is, as its holder writes it for the Server's other nodes. */
    HubRepository.Reported reported() {
        return new HubRepository.Reported(status.wire(), lastError, zigbee2mqtt);
    }

    /** What zigbee2mqtt's bridge/state last said on this connection, or null. */
    String zigbee2mqtt() {
        return zigbee2mqtt;
    }

    void zigbee2mqtt(String state) {
        if (!state.equals(zigbee2mqtt)) {
            log.info("hub {}: zigbee2mqtt at {}/bridge/state says {}", hub.id(), hub.baseTopic(), state);
        }
        zigbee2mqtt = state;
    }

    void start() {
        worker.start();
        timer.execute(this::connect);
    }

    void stop() {
        stopped = true;
        worker.interrupt();
        MqttLink c = client;
        if (c != null) {
            c.disconnect();
        }
    }

    /** More topics while connected (an adapter discovered a device's state topic); each once. */
    void subscribe(List<String> filters) {
        MqttLink c = client;
        List<String> fresh = new ArrayList<>();
        for (String f : filters) {
            if (subscribed.size() < MAX_SUBSCRIPTIONS && subscribed.add(f)) {
                fresh.add(f);
            }
        }
        if (!fresh.isEmpty() && c != null && status == HubStatus.ONLINE) {
            c.subscribe(fresh);
        }
    }

    /** Publishes a command to the device, if one of this hub's adapters knows it. */
    void send(String deviceId, String command, List<Object> arguments) {
        MqttLink c = client;
        if (status != HubStatus.ONLINE || c == null) {
            throw new UnsupportedCommandException("hub '" + hub.name() + "' is " + status.wire()
                    + (lastError == null ? "" : " (" + lastError + ")") + "; the command was not sent");
        }
        for (ProtocolAdapter adapter : adapters) {
            Optional<ProtocolAdapter.Outgoing> out = adapter.command(deviceId, command, arguments);
            if (out.isPresent()) {
                if (out.get().topic() != null) {
                    c.publish(out.get().topic(), out.get().payload());
                }
                return;
            }
        }
        throw new UnsupportedCommandException("hub '" + hub.name() + "' has not heard of this device since it "
                + "connected; the command was not sent");
    }

    private void connect() {
        if (stopped) {
            return;
        }
        int gen = generation.incrementAndGet();
        HubAddresses.Target target;
        try {
            target = addresses.check(hub.url());
        } catch (HubException e) {
            offline(gen, e.getMessage());
            return;
        }
        MqttLink c = MqttLink.open(hub.mqttVersion(), "hearth-" + hub.id(), target.address(), target.tls(),
                this::receive, cause -> offline(gen, reason(cause)));
        client = c;
        c.connect(hub.username(), password, settings.maxMessageSize().toBytes()).whenComplete((ack, error) -> {
            if (error != null) {
                offline(gen, reason(error));
                return;
            }
            List<String> filters = new ArrayList<>();
            for (ProtocolAdapter adapter : adapters) {
                filters.addAll(adapter.topicFilters());
            }
            subscribed.clear();
            subscribed.addAll(filters);
            c.subscribe(filters).whenComplete((subAck, subError) -> {
                if (subError != null) {
                    c.disconnect();
                    offline(gen, reason(subError));
                    return;
                }
                attempts.set(0);
                lastError = null;
                status = HubStatus.ONLINE;
                log.info("hub {} is online ({}, MQTT {})", hub.id(), hub.url(), hub.mqttVersion());
            });
        });
    }

    /** The connection ended or never began: offline with the reason, another attempt after the backoff. */
    private void offline(int gen, String reason) {
        if (stopped || gen != generation.get()) {
            return;
        }
        generation.incrementAndGet(); // this attempt is over: its other callbacks change nothing
        if (status == HubStatus.ONLINE) {
            log.warn("hub {} went offline: {}", hub.id(), reason);
        } else if (attempts.get() == 0) {
            log.warn("hub {} can't connect to {}: {}", hub.id(), hub.url(), reason);
        }
        status = HubStatus.OFFLINE;
        lastError = reason;
        zigbee2mqtt = null;
        adapters.forEach(ProtocolAdapter::disconnected);
        MqttLink c = client;
        if (c != null) {
            c.disconnect();
        }
        long delay = Math.min(settings.maxBackoff().toMillis(), 1000L << Math.min(attempts.getAndIncrement(), 16));
        timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private static String reason(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t instanceof
                java.util.concurrent.CompletionException)) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        // a broker's reason string is the broker's text: keep it short and on one line
        message = message.replaceAll("[\\p{Cntrl}]", " ");
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }

    private void receive(String topic, byte[] payload) {
        if (payload.length > settings.maxMessageSize().toBytes()) {
            problem("too-large", "a message on " + shortTopic(topic) + " is larger than hearth.hubs.max-message-size");
            return;
        }
        if (!queue.offer(new Message(topic, payload))) {
            dropped.incrementAndGet();
            problem("flood", "more than " + settings.queue() + " messages are waiting (hearth.hubs.queue); "
                    + "messages are dropped until the hub catches up");
        }
    }

    private void work() {
        while (!stopped) {
            Message m;
            try {
                m = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            for (ProtocolAdapter adapter : adapters) {
                if (adapter.handles(m.topic())) {
                    try {
                        adapter.onMessage(m.topic(), m.payload());
                    } catch (RuntimeException e) {
                        problem("failed-" + e.getClass().getSimpleName(), "a message on " + shortTopic(m.topic())
                                + " could not be handled: " + e.getMessage());
                    }
                }
            }
        }
    }

    /** Logs a kind of trouble once per connection (a hostile broker repeats itself), then only at debug. */
    void problem(String kind, String detail) {
        String safe = detail.replaceAll("[\\p{Cntrl}]", " ");
        if (logged.size() < MAX_LOGGED_KINDS && logged.add(kind)) {
            log.warn("hub {}: {} (ignored; logged once)", hub.id(), safe);
        } else {
            log.debug("hub {}: {}", hub.id(), safe);
        }
    }

    private static String shortTopic(String topic) {
        String t = topic.replaceAll("[\\p{Cntrl}]", "?");
        return t.length() > 120 ? t.substring(0, 120) + "…" : t;
    }
}
