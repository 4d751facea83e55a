package hearth.hub;

import hearth.HearthProperties;
import hearth.device.Device;
import hearth.device.DeviceDriver;
import hearth.device.LocalDevices.Reading;
import hearth.engine.api.UnsupportedCommandException;
import hearth.support.EarlierLives;
import hearth.support.HearthMetrics;
import hearth.support.Leases;
import hearth.support.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The running connections of the hubs this Server hosts, one per hub across all of the Server's
 * nodes: a node connects a hub while it holds the hub's lease ({@code hub_lease},
 * {@code hearth.hubs.lease}), renews it every third of the lease and writes how the connection is,
 * so any node answers the hub's status. A node that dies leaves its leases to run out; the others
 * take its hubs over. A hub changed on another node is connected again with its new settings at the
 * next renewal; a stopped node lets its hubs go at once.
 *
 * <p>Commands to a hub's devices come here from {@code LocalDevices}: the node holding the hub's
 * connection publishes them; another node puts them in {@code hub_command} for it (in order, at
 * least once; one that waited longer than {@code hearth.hubs.command-expiry} is dropped).
 */
@Component
class HubConnections implements DeviceDriver, SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(HubConnections.class);
    private static final int COMMANDS_PER_POLL = 200;

    private final HubRepository hubs;
    private final HubDevices devices;
    private final HubSecrets secrets;
    private final HubAddresses addresses;
    private final HearthProperties properties;
    private final HubCommands commands;
    private final Leases leases;
    private final NodeIdentity node;
    private final Clock clock;
    private final Map<String, HubConnection> running = new ConcurrentHashMap<>();
    private final Map<String, HubRepository.Reported> reported = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final List<java.util.concurrent.ScheduledFuture<?>> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean started;
    private final EarlierLives earlierLives = new EarlierLives();

    HubConnections(HubRepository hubs, HubDevices devices, HubSecrets secrets, HubAddresses addresses,
                   HearthProperties properties, HubCommands commands, JdbcClient jdbc, NodeIdentity node, Clock clock,
                   HearthMetrics metrics) {
        this.hubs = hubs;
        this.devices = devices;
        this.secrets = secrets;
        this.addresses = addresses;
        this.properties = properties;
        this.commands = commands;
        this.leases = new Leases(jdbc, "hub_lease", "hub_id");
        this.node = node;
        this.clock = clock;
        AtomicInteger n = new AtomicInteger();
        this.timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "hearth-hub-connect-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (HubStatus status : HubStatus.values()) {
            metrics.hubConnections(status.wire(), () -> running.values().stream().filter(c -> c.status() == status)
                    .count());
        }
    }

    @Override
    public void start() {
        started = true;
        if (properties.role().shard()) {
            long renew = Math.max(100, properties.hubs().lease().toMillis() / 3);
            tasks.add(timer.scheduleWithFixedDelay(this::holdLeases, 0, renew, TimeUnit.MILLISECONDS));
            long poll = Math.max(10, properties.hubs().commandPoll().toMillis());
            tasks.add(timer.scheduleWithFixedDelay(this::sendWaiting, poll, poll, TimeUnit.MILLISECONDS));
        }
    }

    @Override
    public void stop() {
        started = false;
        tasks.forEach(t -> t.cancel(false));
        tasks.clear();
        for (String hubId : running.keySet()) {
            HubConnection c = running.remove(hubId);
            c.stop();
            try {
                leases.letGo(hubId, node.name());
            } catch (RuntimeException e) {
                log.warn("hub {}: its lease could not be let go ({}); another node takes it when it runs out", hubId,
                        e.getMessage());
            }
        }
    }

    /**
     * Renews the leases of the hubs connected here (stopping any another node took over), takes the
     * free ones and connects them, and writes each connection's state when it changed.
     */
    private void holdLeases() {
        try {
            earlierLives.releaseOnce(node, leases::release,
                    released -> log.info("{} hub connections held before this node restarted are free again", released));
            Instant now = clock.instant();
            Instant until = now.plus(properties.hubs().lease());
            Map<String, Hub> all = hubs.findAll().stream().collect(Collectors.toMap(Hub::id, Function.identity()));
            for (String hubId : running.keySet()) {
                if (!all.containsKey(hubId)) {
                    stopHere(hubId);
                }
            }
            for (Hub hub : all.values()) {
                HubConnection c = running.get(hub.id());
                if (c != null) {
                    if (!leases.renew(hub.id(), node.name(), until)) {
                        log.warn("hub {}: another node holds its connection now; it is closed here", hub.id());
                        stopHere(hub.id());
                        continue;
                    }
                    if (!c.hub().sameConnection(hub)) {
                        connect(hub);
                    }
                } else if (leases.take(hub.id(), node.name(), now, until)) {
                    connect(hub);
                }
                report(hub.id());
            }
        } catch (RuntimeException e) {
            log.warn("hub leases could not be renewed this time: {}", e.toString());
        }
    }

    /** Writes how the hub's connection here is, when that changed since the last write. */
    private void report(String hubId) {
        HubConnection c = running.get(hubId);
        if (c == null) {
            return;
        }
        HubRepository.Reported now = c.reported();
        if (!now.equals(reported.get(hubId))) {
            hubs.report(hubId, now);
            reported.put(hubId, now);
        }
    }

    /** Publishes the commands other nodes took for the hubs connected here, oldest first. */
    private void sendWaiting() {
        if (running.isEmpty()) {
            return;
        }
        try {
            Instant expired = clock.instant().minus(properties.hubs().commandExpiry());
            for (HubCommands.Waiting w : commands.waiting(running.keySet(), COMMANDS_PER_POLL)) {
                HubConnection c = running.get(w.hubId());
                if (c == null) {
                    continue;
                }
                if (w.at().isBefore(expired)) {
                    log.warn("hub {}: a '{}' command for device {} waited {} s for the hub's connection; dropped, "
                            + "not sent late", w.hubId(), w.command(), w.deviceId(),
                            Duration.between(w.at(), clock.instant()).toSeconds());
                    commands.done(w.id());
                } else if (c.status() == HubStatus.ONLINE) {
                    try {
                        c.send(w.deviceId(), w.command(), w.arguments());
                    } catch (UnsupportedCommandException e) {
                        log.warn("hub {}: a '{}' command for device {} was not sent: {}", w.hubId(), w.command(),
                                w.deviceId(), e.getMessage());
                    }
                    commands.done(w.id());
                }
            }
        } catch (RuntimeException e) {
            log.warn("waiting hub commands could not be read this time: {}", e.toString());
        }
    }

    private void stopHere(String hubId) {
        HubConnection c = running.remove(hubId);
        reported.remove(hubId);
        if (c != null) {
            c.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /**
     * The hub is new or was changed on this node: connected again with its settings if it is
     * connected here, connected if no node holds it; else its holder reconnects at its next renewal.
     */
    void changed(Hub hub) {
        if (!started || !properties.role().shard()) {
            return;
        }
        Instant now = clock.instant();
        if (running.containsKey(hub.id()) || leases.take(hub.id(), node.name(), now,
                now.plus(properties.hubs().lease()))) {
            connect(hub);
        }
    }

    /** (Re)connects the hub with its current settings. */
    private void connect(Hub hub) {
        HubConnection[] holder = new HubConnection[1];
        HubSink sink = new HubSink() {
            @Override
            public Map<String, String> sync(String protocol, List<Discovered> found) {
                return devices.sync(hub, protocol, found);
            }

            @Override
            public String upsert(Discovered device) {
                return devices.upsert(hub, device);
            }

            @Override
            public void remove(String address) {
                devices.remove(hub, address);
            }

            @Override
            public void subscribe(List<String> filters) {
                holder[0].subscribe(filters);
            }

            @Override
            public void report(String deviceId, Map<String, Reading> readings) {
                devices.report(deviceId, readings);
            }

            @Override
            public void bridge(String state) {
                holder[0].zigbee2mqtt(state);
            }

            @Override
            public void renamed(String address, String from, String to) {
                devices.renamed(hub, address, from, to);
            }

            @Override
            public void problem(String kind, String detail) {
                holder[0].problem(kind, detail);
            }
        };
        HubConnection connection = new HubConnection(hub, secrets.password(hub), addresses, properties.hubs(), timer,
                sink);
        holder[0] = connection;
        HubConnection before = running.put(hub.id(), connection);
        if (before != null) {
            before.stop();
        }
        connection.start();
    }

    /** The hub is going: its connection here closes (on another node, at its next renewal). */
    void disconnect(String hubId) {
        stopHere(hubId);
        leases.letGo(hubId, node.name());
    }

    /** How the hub's connection is: seen here when it is connected here, else as its holder last wrote it. */
    HubRepository.Reported seen(String hubId) {
        HubConnection c = running.get(hubId);
        return c != null ? c.reported() : fromHolder(hubId).orElseGet(this::unheld);
    }

    /**
     * How another node holding the hub's connection last wrote it is; empty when no node holds it.
     * A holder that has written nothing yet counts as {@link #unheld()}.
     */
    private Optional<HubRepository.Reported> fromHolder(String hubId) {
        return leases.holder(hubId, clock.instant()).map(h -> hubs.reported(hubId).filter(r -> r.status() != null)
                .orElseGet(this::unheld));
    }

    private HubRepository.Reported unheld() {
        return new HubRepository.Reported(HubStatus.OFFLINE.wire(), "no node of this Server holds its connection "
                + "now; one takes it over within " + properties.hubs().lease().toSeconds() + " s", null);
    }

    HubStatus status(String hubId) {
        return HubStatus.valueOf(seen(hubId).status().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * Publishes the command over the hub's connection when it is here; else it waits in the
     * database for the node holding it (refused at once when that node says the hub is not online).
     */
    @Override
    public void send(Device device, String command, List<Object> arguments) {
        HubConnection c = running.get(device.hubId());
        if (c != null) {
            c.send(device.id(), command, arguments);
            return;
        }
        Optional<HubRepository.Reported> offline = fromHolder(device.hubId())
                .filter(r -> r.status().equals(HubStatus.OFFLINE.wire()));
        if (offline.isPresent()) {
            String why = offline.get().lastError();
            throw new UnsupportedCommandException("the hub of '" + device.label() + "' is offline"
                    + (why == null ? "" : " (" + why + ")") + "; the command was not sent");
        }
        try {
            commands.add(device.hubId(), device.id(), command, arguments, clock.instant());
        } catch (IllegalArgumentException e) {
            throw new UnsupportedCommandException("'" + command + "' for '" + device.label() + "' was not sent: "
                    + e.getMessage());
        }
    }
}
