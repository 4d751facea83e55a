package hearth.engine.http;

import groovyx.net.http.HttpResponseException;
import hearth.engine.OutboundSettings;
import hearth.engine.api.OutboundRequest;
import hearth.engine.dsl.AsyncResponseView;
import hearth.engine.dsl.HttpResponseView;
import hearth.engine.limit.Deadline;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outbound requests of one handler call: at most {@code maxRequestsPerCall} (each redirect
 * counts), each one checked by the policy before it is sent, with a deadline that never passes the
 * call's own. GET and HEAD follow up to {@link #MAX_REDIRECTS} redirects, each target checked
 * again; other methods get the 3xx answer, as HTTPBuilder did. Records each hop as an
 * {@link OutboundRequest} for the call's effects: method, scheme, host, port and status only, since
 * paths and queries carry keys and tokens, and bodies carry anything.
 */
public final class OutboundCall {
    static final int MAX_REDIRECTS = 3;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final OutboundSettings settings;
    private final OutboundPolicy policy;
    private final PinnedHttpClient client;
    private int sent;
    private final List<OutboundRequest> made = java.util.Collections.synchronizedList(new ArrayList<>());

    OutboundCall(OutboundSettings settings, OutboundPolicy policy, PinnedHttpClient client) {
        this.settings = settings;
        this.policy = policy;
        this.client = client;
    }

    /**
     * Classic {@code httpGet}/{@code httpPost}/...: the response for status below 400.
     *
     * @throws HttpResponseException                   for status 400 and above (parsed as far as possible)
     * @throws groovyx.net.http.ResponseParseException when a successful answer is not what its type says
     * @throws OutboundRequestRefusedException         when the policy refused a hop (nothing was sent there)
     * @throws IOException                             network failures, timeouts, too large a body
     */
    public HttpResponseView request(String method, Object spec, boolean json) throws IOException {
        ClassicRequest request = ClassicRequest.of(method, spec, json);
        PinnedHttpClient.Exchange exchange = exchange(request);
        if (exchange.status() >= 400) {
            throw new HttpResponseException(ResponseReader.read(exchange, request.expect(), false));
        }
        return ResponseReader.read(exchange, request.expect(), true);
    }

    /**
     * For asynchttp callbacks: never throws; status 400 and up, refusals and network failures
     * become {@code hasError()} (408 for a timeout, else 500), as the classic platform reported
     * them. The body stays text; the callback parses it when it asks for {@code json}/{@code xml}.
     */
    public AsyncResponseView forCallback(String method, Object spec) {
        try {
            ClassicRequest request = ClassicRequest.of(method, spec, false);
            HttpResponseView r = ResponseReader.read(exchange(request), "text/plain", false);
            return new AsyncResponseView(r.getStatus(), String.valueOf(r.getData()), r.getHeaders(),
                    r.getStatus() >= 400 ? r.toString() : null);
        } catch (java.net.SocketTimeoutException e) {
            return new AsyncResponseView(408, "", Map.of(), e.getMessage());
        } catch (IOException | OutboundRequestRefusedException | IllegalArgumentException e) {
            return new AsyncResponseView(500, "", Map.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private PinnedHttpClient.Exchange exchange(ClassicRequest request) throws IOException {
        long deadline = System.nanoTime() + timeoutNanos(request);
        URI uri = request.uri();
        List<Map.Entry<String, String>> headers = request.headers();
        boolean follow = request.method().equals("GET") || request.method().equals("HEAD");
        for (int hop = 0; ; hop++) {
            if (sent >= settings.maxRequestsPerCall()) {
                throw new OutboundRequestRefusedException("a SmartApp call may make at most "
                        + settings.maxRequestsPerCall() + " outbound requests (redirects count)");
            }
            OutboundPolicy.Target target;
            try {
                target = policy.check(uri, deadline);
            } catch (IOException | RuntimeException refused) {
                made.add(new OutboundRequest(request.method(), uri.getScheme(), uri.getHost(), uri.getPort(), 0,
                        refused.getClass().getSimpleName()));
                throw refused;
            }
            sent++;
            String target0 = pathAndQuery(uri);
            PinnedHttpClient.Exchange exchange;
            long started = System.nanoTime();
            try {
                exchange = client.send(target, request.method(), target0, headers, request.body(), deadline,
                        settings.maxResponseBytes());
            } catch (IOException | RuntimeException failed) {
                made.add(new OutboundRequest(request.method(), target.scheme(), target.host(), target.port(), 0,
                        failed.getClass().getSimpleName(), (System.nanoTime() - started) / 1_000_000));
                throw failed;
            }
            made.add(new OutboundRequest(request.method(), target.scheme(), target.host(), target.port(),
                    exchange.status(), null, (System.nanoTime() - started) / 1_000_000));
            String location = exchange.header("Location");
            if (!follow || !REDIRECTS.contains(exchange.status()) || location == null || hop >= MAX_REDIRECTS) {
                return exchange;
            }
            URI next;
            try {
                next = uri.resolve(new URI(location.trim()));
            } catch (java.net.URISyntaxException e) {
                return exchange; // a Location we can't read: the app gets the 3xx
            }
            if (!sameOrigin(uri, next)) {
                headers = withoutCredentials(headers); // never hand a token to another host
            }
            uri = next;
        }
    }

    /** The requests sent so far (each hop one), in order. */
    public List<OutboundRequest> made() {
        synchronized (made) {
            return List.copyOf(made);
        }
    }

    private long timeoutNanos(ClassicRequest request) throws java.net.SocketTimeoutException {
        long nanos = settings.timeout().toNanos();
        if (request.timeoutSeconds() != null && request.timeoutSeconds() > 0) {
            nanos = Math.min(nanos, request.timeoutSeconds() * 1_000_000_000L);
        }
        long left = Deadline.remainingNanos();
        if (left <= 0) {
            throw new java.net.SocketTimeoutException("the SmartApp call has no time left for a request");
        }
        return Math.min(nanos, left);
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static boolean sameOrigin(URI a, URI b) {
        return String.valueOf(a.getScheme()).equalsIgnoreCase(String.valueOf(b.getScheme()))
                && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
                && a.getPort() == b.getPort();
    }

    private static List<Map.Entry<String, String>> withoutCredentials(List<Map.Entry<String, String>> headers) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            String n = h.getKey();
            if (!n.equalsIgnoreCase("Authorization") && !n.equalsIgnoreCase("Cookie")) {
                out.add(h);
            }
        }
        return out;
    }
}
