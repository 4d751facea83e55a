package hearth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Hearth's own settings (prefix {@code hearth}); see application.yaml for the defaults.
 *
 * @param publicUrl     this server's public base URL; blank to take it from each request
 * @param serverName    the name of the Server (shard) this process hosts, e.g. {@code na01}
 * @param role          global, shard, or both (one process does everything)
 * @param servers       the other Servers of the topology: name to public base URL
 * @param globalUrl     where a shard finds the global server
 * @param clusterSecret what the global server and its shards show each other; required as soon
 *                      as there is more than one process
 */
@ConfigurationProperties("hearth")
public record HearthProperties(String dataDir, String publicUrl, String serverName, Demo demo, Signup signup,
                               OAuth oauth, Role role, Map<String, String> servers, String globalUrl,
                               String clusterSecret, Cluster cluster, RateLimit rateLimit, Scheduler scheduler,
                               Engine engine, Outbound outbound, Metrics metrics, Hubs hubs, Setup setup) {

    public HearthProperties {
        role = role == null ? Role.BOTH : role;
        servers = servers == null ? Map.of() : Map.copyOf(servers);
        cluster = cluster == null ? new Cluster(null) : cluster;
        rateLimit = rateLimit == null ? new RateLimit(null, null) : rateLimit;
        scheduler = scheduler == null ? new Scheduler(null, null) : scheduler;
        engine = engine == null ? new Engine(null, null, null, null, null, null, null) : engine;
        outbound = outbound == null ? new Outbound(null, null, null, null, null) : outbound;
        metrics = metrics == null ? new Metrics(null) : metrics;
        hubs = hubs == null ? new Hubs(null, null, null, null, null, null, null, null, null) : hubs;
        setup = setup == null ? new Setup(null) : setup;
    }

    public enum Role {
        GLOBAL, SHARD, BOTH;

        /** Accounts, OAuth, the SmartApp registry and the Location directory live here. */
        public boolean global() {
            return this != SHARD;
        }

        /** This process hosts a Server: Locations, devices, Installations, SmartApp execution. */
        public boolean shard() {
            return this != GLOBAL;
        }
    }

    public record Demo(boolean enabled) {
    }

    /** @param enabled whether anyone may create an account; an admin can change it at run time (admin page) */
    public record Signup(boolean enabled) {
    }

    /**
     * @param codeTtl how long the one-time setup code printed at a first start (no account yet)
     *                stays good; a new one is printed when the setup page is opened after that
     */
    public record Setup(Duration codeTtl) {
        public Setup {
            codeTtl = codeTtl == null ? Duration.ofHours(1) : codeTtl;
        }
    }

    /**
     * @param codeTtl          how long an authorization code lives (RFC 9700 asks for minutes)
     * @param accessTokenTtl   default access-token lifetime of a new SmartApp
     * @param refreshTokenTtl  default refresh-token lifetime of a new SmartApp
     * @param refreshGrace     how long a refresh token just rotated, presented again, gets the same
     *                         successor pair (its answer was lost) instead of revoking the grant
     */
    public record OAuth(Duration codeTtl, Duration accessTokenTtl, Duration refreshTokenTtl, Duration refreshGrace) {
        public OAuth {
            refreshGrace = refreshGrace == null ? Duration.ofSeconds(30) : refreshGrace;
        }
    }

    /** @param tokenCache how long a shard trusts the global server's answer about a token */
    public record Cluster(Duration tokenCache) {
        public Cluster {
            tokenCache = tokenCache == null ? Duration.ofSeconds(5) : tokenCache;
        }
    }

    /** The classic per-Installation execution limit: {@code executions} per {@code window}. */
    public record RateLimit(Integer executions, Duration window) {
        public RateLimit {
            executions = executions == null ? 250 : executions;
            window = window == null ? Duration.ofSeconds(60) : window;
        }
    }

    /**
     * @param poll  how often a Server looks for schedules that came due
     * @param lease how long a node holds a job it claimed before another node may take it over (the
     *              node died); longer than one call may run ({@code hearth.engine.call-timeout})
     */
    public record Scheduler(Duration poll, Duration lease) {
        public Scheduler {
            poll = poll == null ? Duration.ofSeconds(1) : poll;
            lease = lease == null ? Duration.ofMinutes(2) : lease;
        }
    }

    /**
     * The SmartApp engine's limits; absent values are the engine's defaults ({@code EngineSettings}).
     *
     * @param callTimeout        the longest one handler call may run
     * @param workers            how many calls run at once (the engine's worker threads)
     * @param queue              how many more may wait for a worker before calls are refused
     * @param maxCallAllocation  what one call may allocate
     * @param perInstallation    how many calls of one Installation run at once (default a quarter of the workers, at least 2)
     * @param perSmartApp        how many calls of all Installations of one SmartApp run at once (default half, at least 2)
     * @param queuedPerInstallation how many more calls of one Installation may wait; more are refused at once (16)
     */
    public record Engine(Duration callTimeout, Integer workers, Integer queue, DataSize maxCallAllocation,
                         Integer perInstallation, Integer perSmartApp, Integer queuedPerInstallation) {
    }

    /** What SmartApps may reach with httpGet and friends (the engine's README, "Outbound HTTP"). */
    public record Outbound(Boolean enabled, List<String> allow, Duration timeout, DataSize maxResponseSize,
                           Integer maxRequestsPerCall) {
    }

    /**
     * @param token lets a Prometheus scraper that is not on this host read {@code /actuator/prometheus}
     *              with {@code Authorization: Bearer}; blank: only scrapers on this host
     */
    public record Metrics(String token) {
        public Metrics {
            token = token == null ? "" : token;
        }
    }

    /**
     * Hubs: a Location's connections to MQTT brokers (README, "Hubs").
     *
     * @param allow          where a broker may be: hosts, {@code host:port}, IP addresses or CIDRs; every
     *                       address the host resolves to must be listed (empty: no hub can connect)
     * @param key            what broker passwords are sealed with (AES-256-GCM); blank: a random key kept
     *                       in {@code data-dir/hub.key}. Several nodes of one Server need the same value
     * @param maxDevices     devices one hub may bring; more are ignored (a hostile broker can't fill the database)
     * @param maxMessageSize the largest MQTT message read (announced to the broker, MQTT 5); larger are dropped
     * @param queue          messages of one hub waiting to be handled; a flood beyond it is dropped
     * @param maxBackoff     the longest wait between reconnection attempts (doubling from 1 s)
     * @param lease          how long a node holds a hub's connection without renewing it (renewed every third of
     *                       it): when a node dies, another takes its hubs over within about this long
     * @param commandPoll    how often the node holding a hub's connection looks for commands other nodes took
     * @param commandExpiry  a command that waited this long for its hub's connection is dropped, not sent late
     */
    public record Hubs(List<String> allow, String key, Integer maxDevices, DataSize maxMessageSize, Integer queue,
                       Duration maxBackoff, Duration lease, Duration commandPoll, Duration commandExpiry) {
        public Hubs {
            lease = lease == null ? Duration.ofSeconds(15) : lease;
            commandPoll = commandPoll == null ? Duration.ofMillis(100) : commandPoll;
            commandExpiry = commandExpiry == null ? Duration.ofSeconds(60) : commandExpiry;
            allow = allow == null ? List.of() : List.copyOf(allow);
            key = key == null ? "" : key;
            maxDevices = maxDevices == null ? 500 : maxDevices;
            maxMessageSize = maxMessageSize == null ? DataSize.ofMegabytes(2) : maxMessageSize;
            queue = queue == null ? 1000 : queue;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(60) : maxBackoff;
        }

        /** A key given in the settings prints as its length only. */
        @Override
        public String toString() {
            return "Hubs[allow=" + allow + ", key=" + (key.isEmpty() ? "file" : "(set)") + ", maxDevices=" + maxDevices
                    + ", maxMessageSize=" + maxMessageSize + ", queue=" + queue + ", maxBackoff=" + maxBackoff + ", lease=" + lease
                    + ", commandPoll=" + commandPoll + ", commandExpiry=" + commandExpiry + "]";
        }
    }
}
