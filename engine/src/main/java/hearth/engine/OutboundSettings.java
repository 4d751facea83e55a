package hearth.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What SmartApps may send out with {@code httpGet}, {@code httpPost}, ... (see the engine's README,
 * "Outbound HTTP").
 *
 * @param enabled            false refuses every outbound request
 * @param allow              exceptions to the refusal of loopback, private, link-local, multicast,
 *                           CGNAT and metadata addresses: host names ({@code nas.lan}), host:port
 *                           ({@code 127.0.0.1:8123}, {@code [::1]:8080}), IP addresses and CIDRs
 *                           ({@code 192.168.1.0/24}). Empty by default: the internet only.
 * @param timeout            connect and read timeout of one request (classic default 10 s; at most
 *                           {@link #MAX_TIMEOUT}); never beyond the call's own time limit
 * @param maxResponseBytes   a longer response body fails the request
 * @param maxRequestsPerCall requests (redirects included) one handler call may make
 */
public record OutboundSettings(boolean enabled, List<String> allow, Duration timeout, int maxResponseBytes,
                               int maxRequestsPerCall) {
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_REQUESTS_PER_CALL = 10;

    public OutboundSettings {
        allow = List.copyOf(Objects.requireNonNull(allow, "allow"));
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("the outbound timeout (hearth.outbound.timeout) must be more than 0 "
                    + "and at most " + MAX_TIMEOUT.toSeconds() + " s, not " + timeout.toMillis() + " ms");
        }
        if (maxResponseBytes < 1 || maxRequestsPerCall < 0) {
            throw new IllegalArgumentException("maxResponseBytes must be positive and maxRequestsPerCall not negative");
        }
        // parse now, so a typo in the configuration stops the server at start, not at the first request
        hearth.engine.http.AllowList.parse(allow);
    }

    /** The internet only, 10 s, 1 MiB, 10 requests per call. */
    public static OutboundSettings defaults() {
        return new OutboundSettings(true, List.of(), DEFAULT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES,
                DEFAULT_MAX_REQUESTS_PER_CALL);
    }

    public OutboundSettings withAllow(List<String> entries) {
        return new OutboundSettings(enabled, entries, timeout, maxResponseBytes, maxRequestsPerCall);
    }
}
