package hearth.api;

import hearth.engine.api.ApiRequest;
import hearth.engine.api.HandlerOutcome;
import hearth.installation.ExecutionLimiter;
import hearth.installation.Installation;
import hearth.installation.InstallationRepository;
import hearth.installation.InstallationRuntime;
import hearth.cluster.TokenVerifier;
import hearth.cluster.VerifiedToken;
import hearth.server.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code {uri}/{path}}: an Installation's own REST API, routed by its SmartApp's mappings. The
 * token must belong to this Installation; the SmartApp sees only the devices chosen for it.
 */
@RestController
public class InstallationApiController {
    private static final Logger log = LoggerFactory.getLogger(InstallationApiController.class);
    private static final int MAX_BODY = 1024 * 1024;
    private static final Set<String> HIDDEN_HEADERS = Set.of("authorization", "cookie", "authorize");
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final TokenVerifier tokens;
    private final InstallationRepository installations;
    private final InstallationRuntime runtime;
    private final PublicUrls urls;
    private final ExecutionLimiter limiter;
    private final Clock clock;

    public InstallationApiController(TokenVerifier tokens, InstallationRepository installations,
                                     InstallationRuntime runtime, PublicUrls urls, ExecutionLimiter limiter,
                                     Clock clock) {
        this.tokens = tokens;
        this.installations = installations;
        this.runtime = runtime;
        this.urls = urls;
        this.limiter = limiter;
        this.clock = clock;
    }

    @RequestMapping({EndpointsController.INSTALLATIONS_PATH + "{id}", EndpointsController.INSTALLATIONS_PATH + "{id}/**"})
    public ResponseEntity<?> call(@PathVariable String id, HttpServletRequest request) throws IOException {
        VerifiedToken token = tokens.verify(BearerTokens.extract(request));
        if (!token.installationId().equals(id)) {
            return ClassicErrors.of(403, ClassicErrors.ACCESS_DENIED,
                    "this token belongs to another installation; call the uri that /api/smartapps/endpoints returns "
                            + "for it");
        }
        Installation installation = installations.findById(id).orElse(null);
        if (installation == null) {
            return ClassicErrors.of(403, ClassicErrors.ACCESS_DENIED, "this installation is not on this server, or "
                    + "was removed; call the uri that /api/smartapps/endpoints returns");
        }
        ExecutionLimiter.Decision rate = limiter.acquire(id);
        if (!rate.allowed()) {
            return ResponseEntity.status(429).contentType(ClassicErrors.JSON).headers(rateHeaders(rate))
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(rate.ttlSeconds()))
                    .body(ClassicErrors.body(ClassicErrors.RATE_LIMIT, "this installation ran " + rate.limit()
                            + " times within the limit's window; try again in " + rate.ttlSeconds() + " seconds"));
        }
        byte[] body = readBody(request);
        if (body == null) {
            return ClassicErrors.of(413, ClassicErrors.SMARTAPP_EXCEPTION,
                    "the request body is larger than " + MAX_BODY + " bytes");
        }
        Instant now = clock.instant();
        if (installation.lastUsedAt() == null || installation.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            installations.touch(id, now);
        }
        ApiRequest apiRequest;
        try {
            apiRequest = new ApiRequest(request.getMethod().toUpperCase(Locale.ROOT), subPath(request, id),
                    query(request), headers(request), new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException badEscape) {
            return ClassicErrors.of(400, ClassicErrors.SMARTAPP_EXCEPTION, "the path or query has a malformed %-escape; "
                    + "encode '%' as %25");
        }
        HandlerOutcome outcome = runtime.handle(installation, apiRequest, urls.baseUrl(request),
                BearerTokens.fromQuery(request));
        ResponseEntity<?> response = respond(outcome, installation);
        // An app may answer text/html on Hearth's own origin: keep it from running script or
        // reaching the origin's cookies there.
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header("Content-Security-Policy", "sandbox; default-src 'none'; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .headers(rateHeaders(rate))
                .body(response.getBody());
    }

    /** The classic platform's rate headers, on every answer of the installation API. */
    private static HttpHeaders rateHeaders(ExecutionLimiter.Decision rate) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-RateLimit-Limit", Integer.toString(rate.limit()));
        headers.set("X-RateLimit-Current", Integer.toString(rate.current()));
        headers.set("X-RateLimit-TTL", Long.toString(rate.ttlSeconds()));
        return headers;
    }

    private static ResponseEntity<?> respond(HandlerOutcome outcome, Installation installation) {
        if (outcome instanceof HandlerOutcome.Response r) {
            ResponseEntity.BodyBuilder builder = ResponseEntity.status(r.status());
            r.headers().forEach(builder::header);
            if (r.body() == null) {
                return builder.build();
            }
            if (r.contentType() != null) {
                builder.contentType(MediaType.parseMediaType(r.contentType()));
            }
            return builder.body(r.body());
        }
        if (outcome instanceof HandlerOutcome.NotFound) {
            return ClassicErrors.of(404, ClassicErrors.SMARTAPP_EXCEPTION, "Not Found");
        }
        if (outcome instanceof HandlerOutcome.MethodNotAllowed m) {
            return ResponseEntity.status(405).contentType(ClassicErrors.JSON)
                    .header(HttpHeaders.ALLOW, String.join(", ", m.allowed()))
                    .body(ClassicErrors.body(ClassicErrors.SMARTAPP_EXCEPTION, "Method Not Allowed"));
        }
        if (outcome instanceof HandlerOutcome.HttpError e) {
            return ClassicErrors.of(e.status(), ClassicErrors.SMARTAPP_EXCEPTION, e.message());
        }
        HandlerOutcome.Failure failure = (HandlerOutcome.Failure) outcome;
        String reference = UUID.randomUUID().toString();
        log.warn("installation {} handler failed with {} (reference {})", installation.id(), failure.type(), reference,
                failure.cause());
        Map<String, Object> body = ClassicErrors.body(failure.type(), failure.message());
        body.put("reference", reference);
        return ResponseEntity.status(500).contentType(ClassicErrors.JSON).body(body);
    }

    private static String subPath(HttpServletRequest request, String id) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String prefix = EndpointsController.INSTALLATIONS_PATH + id;
        String rest = uri.length() > prefix.length() ? uri.substring(prefix.length()) : "/";
        return URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(HttpServletRequest request) {
        if (request.getQueryString() == null) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams()
                .forEach((name, values) -> {
                    String key = URLDecoder.decode(name, StandardCharsets.UTF_8);
                    if (!key.equals(BearerTokens.QUERY_PARAMETER) && !values.isEmpty()) {
                        String value = values.get(0);
                        result.put(key, value == null ? "" : URLDecoder.decode(value, StandardCharsets.UTF_8));
                    }
                });
        return result;
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            String key = name.toLowerCase(Locale.ROOT);
            if (!HIDDEN_HEADERS.contains(key)) {
                result.put(key, request.getHeader(name));
            }
        }
        return result;
    }

    /** The body, or null when it is larger than the limit. */
    private static byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? null : bytes;
        }
    }

}
