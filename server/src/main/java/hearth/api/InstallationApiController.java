package hearth.api;

import hearth.cluster.TokenVerifier;
import hearth.installation.ExecutionLimiter;
import hearth.server.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * {@code {uri}/{path}}: an Installation's own REST API, routed by its SmartApp's mappings. HTTP
 * in and out only: the request becomes an {@link InstallationCall}, {@link InstallationApi} holds
 * the rules, and its outcome becomes the response.
 */
@RestController
public class InstallationApiController {
    private static final MediaType JSON = MediaType.parseMediaType("application/json;charset=utf-8");
    private static final byte[] NO_BODY = new byte[0];
    private static final Set<String> HIDDEN_HEADERS = Set.of("authorization", "cookie", "authorize");
    // An app may answer text/html on Hearth's own origin: keep it from running script or reaching
    // the origin's cookies there. Every answer of this API gets it, errors too.
    private static final String SANDBOX = "sandbox; default-src 'none'; frame-ancestors 'none'";

    private final TokenVerifier tokens;
    private final InstallationApi api;
    private final PublicUrls urls;

    public InstallationApiController(TokenVerifier tokens, InstallationApi api, PublicUrls urls) {
        this.tokens = tokens;
        this.api = api;
        this.urls = urls;
    }

    @RequestMapping({EndpointsController.INSTALLATIONS_PATH + "{id}", EndpointsController.INSTALLATIONS_PATH + "{id}/**"})
    public ResponseEntity<?> call(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        QueryParameters query = QueryParameters.parse(request.getQueryString());
        TokenVerifier.Verified token = tokens.verifyForCall(BearerTokens.extract(request.getHeader(HttpHeaders.AUTHORIZATION),
                request.getHeader("Authorize"), query));
        String path = subPath(request, id);
        InstallationCall call = new InstallationCall(request.getMethod(), path,
                query.firstValuesExcept(BearerTokens.QUERY_PARAMETER), query.malformed() || path == null,
                headers(request), readBody(request), BearerTokens.fromQuery(query), urls.baseUrl(request));
        InstallationCallOutcome outcome = api.call(token, id, call);
        if (outcome instanceof InstallationCallOutcome.Answered answered && answered.body() != null) {
            write(answered, response);
            return null;   // answered: the response argument tells Spring MVC so
        }
        return respond(outcome);
    }

    /**
     * The app's answer with a body, written as is: no content negotiation nor message converter for
     * a body that is already text of a known type (that was 12-16% of the call, issue 15). Encoded in
     * the charset its type names (the engine names one for every textual type), else ISO-8859-1, as
     * Spring's string converter did.
     */
    private static void write(InstallationCallOutcome.Answered answered, HttpServletResponse response)
            throws IOException {
        response.setStatus(answered.status());
        if (answered.rate() != null) {
            rateHeaders(answered.rate(), response::addHeader);
        }
        answered.headers().forEach(response::addHeader);
        securityHeaders(response::setHeader);
        if (answered.contentType() != null) {
            response.setContentType(answered.contentType());
        }
        byte[] bytes = answered.body().getBytes(charset(answered.contentType()));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            try {
                Charset named = MediaType.parseMediaType(contentType).getCharset();
                if (named != null) {
                    return named;
                }
            } catch (IllegalArgumentException unreadable) {
                // as below
            }
        }
        return StandardCharsets.ISO_8859_1;
    }

    private static void rateHeaders(ExecutionLimiter.Decision rate, BiConsumer<String, String> header) {
        // The classic platform's rate headers.
        header.accept("X-RateLimit-Limit", Integer.toString(rate.limit()));
        header.accept("X-RateLimit-Current", Integer.toString(rate.current()));
        header.accept("X-RateLimit-TTL", Long.toString(rate.ttlSeconds()));
    }

    private static ResponseEntity<?> respond(InstallationCallOutcome outcome) {
        // Set, not added, after everything else: whatever an answer carries, these are the only values
        // (the engine refuses app headers of these names too).
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status(outcome));
        if (outcome.rate() != null) {
            rateHeaders(outcome.rate(), (name, value) -> response.header(name, value));
        }
        if (outcome instanceof InstallationCallOutcome.Refused refused) {
            refused.error().headers().forEach(response::header);
            return response.headers(headers -> securityHeaders(headers::set)).contentType(JSON)
                    .body(refused.error().body());
        }
        InstallationCallOutcome.Answered answered = (InstallationCallOutcome.Answered) outcome;
        answered.headers().forEach(response::header);
        response.headers(headers -> securityHeaders(headers::set));
        if (answered.body() == null) {
            return response.build();
        }
        if (answered.contentType() != null) {
            response.contentType(MediaType.parseMediaType(answered.contentType()));
        }
        return response.body(answered.body());
    }

    /**
     * An app may answer text/html on Hearth's own origin: keep it from running script or sniffing types
     * there. {@code set} replaces whatever the answer carried under these names.
     */
    private static void securityHeaders(BiConsumer<String, String> set) {
        set.accept("Content-Security-Policy", SANDBOX);
        set.accept("X-Content-Type-Options", "nosniff");
    }

    private static int status(InstallationCallOutcome outcome) {
        return outcome instanceof InstallationCallOutcome.Refused refused ? refused.error().status()
                : ((InstallationCallOutcome.Answered) outcome).status();
    }

    /** What follows the Installation's uri, decoded; null when it has a malformed escape. */
    private static String subPath(HttpServletRequest request, String id) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String prefix = EndpointsController.INSTALLATIONS_PATH + id;
        String rest = uri.length() > prefix.length() ? uri.substring(prefix.length()) : "/";
        try {
            return URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
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

    /** The body, read up to one byte past the limit, so the rules can tell it was larger. */
    private static byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            // No Content-Length and no Transfer-Encoding: no body (RFC 9112 §6.3). Most calls are GETs,
            // and reading to the end allocated an 8 KiB buffer for each (bench/README.md, issue 15).
            return NO_BODY;
        }
        try (InputStream in = request.getInputStream()) {
            return in.readNBytes(InstallationApi.MAX_BODY + 1);
        }
    }
}
