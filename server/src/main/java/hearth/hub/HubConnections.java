package hearth.hub;

import hearth.HearthProperties;
import hearth.device.Device;
import hearth.device.DeviceDriver;
import hearth.device.LocalDevices.Reading;
import hearth.engine.api.UnsupportedCommandException;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running connections of the hubs this Server hosts, one per hub: started with the process
 * (and when a hub is added or changed), stopped with it. Commands to a hub's devices come here
 * from {@code LocalDevices} and go out over the hub's connection.
 */
@Component
class HubConnections implements DeviceDriver, SmartLifecycle {
    private final HubRepository hubs;
    private final HubDevices devices;
    private final HubSecrets secrets;
    private final HubAddresses addresses;
    private final HearthProperties properties;
    private final Map<String, HubConnection> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private volatile boolean started;

    HubConnections(HubRepository hubs, HubDevices devices, HubSecrets secrets, HubAddresses addresses,
                   HearthProperties properties) {
        this.hubs = hubs;
        this.devices = devices;
        this.secrets = secrets;
        this.addresses = addresses;
        this.properties = properties;
        AtomicInteger n = new AtomicInteger();
        this.timer = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "hearth-hub-connect-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void start() {
        started = true;
        if (properties.role().shard()) {
            hubs.findAll().forEach(this::connect);
        }
    }

    @Override
    public void stop() {
        started = false;
        running.values().forEach(HubConnection::stop);
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** (Re)connects the hub with its current settings. */
    void connect(Hub hub) {
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

    void disconnect(String hubId) {
        HubConnection connection = running.remove(hubId);
        if (connection != null) {
            connection.stop();
        }
    }

    HubStatus status(String hubId) {
        HubConnection c = running.get(hubId);
        return c == null ? HubStatus.OFFLINE : c.status();
    }

    String lastError(String hubId) {
        HubConnection c = running.get(hubId);
        return c == null ? "not running on this node" : c.lastError();
    }

    String zigbee2mqtt(String hubId) {
        HubConnection c = running.get(hubId);
        return c == null ? null : c.zigbee2mqtt();
    }

    @Override
    public void send(Device device, String command, List<Object> arguments) {
        HubConnection c = running.get(device.hubId());
        if (c == null) {
            throw new UnsupportedCommandException("the hub of '" + device.label() + "' is not connected here; "
                    + "the command was not sent");
        }
        c.send(device.id(), command, arguments);
    }
}
