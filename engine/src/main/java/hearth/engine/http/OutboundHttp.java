package hearth.engine.http;

import hearth.engine.OutboundSettings;

/**
 * Outbound HTTP for SmartApps, one per engine: the policy (where requests may go) and the client
 * (how they are sent). Each handler call gets its own {@link OutboundCall}, which counts its
 * requests.
 */
public final class OutboundHttp implements AutoCloseable {
    private final OutboundSettings settings;
    private final OutboundPolicy policy;
    private final PinnedHttpClient client = new PinnedHttpClient();

    public OutboundHttp(OutboundSettings settings) {
        this(settings, OutboundPolicy.Resolver.SYSTEM);
    }

    OutboundHttp(OutboundSettings settings, OutboundPolicy.Resolver resolver) {
        this.settings = settings;
        this.policy = new OutboundPolicy(settings, resolver);
    }

    /** The requests of one handler call. */
    public OutboundCall newCall() {
        return new OutboundCall(settings, policy, client);
    }

    public OutboundSettings settings() {
        return settings;
    }

    /** Stops the DNS lookup threads. */
    @Override
    public void close() {
        policy.close();
    }
}
