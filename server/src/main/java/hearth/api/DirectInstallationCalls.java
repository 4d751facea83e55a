package hearth.api;

import hearth.cluster.VerifiedToken;
import hearth.installation.Installation;
import hearth.installation.global.DirectCalls;
import hearth.web.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link DirectCalls} through {@link InstallationApi}, with the rules of a call that came over
 * HTTP with a token of the Installation (limits, body size, routing, the classic error bodies).
 * The Installation must run on this Server; one on another Server is answered as its API would
 * answer a call that reached the wrong Server.
 */
@Component
class DirectInstallationCalls implements DirectCalls {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InstallationApi api;
    private final Clock clock;

    DirectInstallationCalls(InstallationApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @Override
    public Answer call(Installation installation, String method, String target, String body, String baseUrl) {
        String verb = method == null ? "" : method.trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(verb)) {
            throw ApiException.badRequest("the method must be one of " + String.join(", ", METHODS) + "; got '"
                    + method + "'");
        }
        String typed = target == null || target.isBlank() ? "/" : target.trim();
        if (!typed.startsWith("/")) {
            throw ApiException.badRequest("the path starts with / (what follows the Installation's uri), such as "
                    + "/switches; got '" + typed + "'");
        }
        int question = typed.indexOf('?');
        QueryParameters query = QueryParameters.parse(question < 0 ? null : typed.substring(question + 1));
        String path = decode(question < 0 ? typed : typed.substring(0, question));
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        if (bytes.length > 0) {
            headers.put("content-type", "application/json");
        }
        InstallationCall call = new InstallationCall(verb, path, query.firstValuesExcept(BearerTokens.QUERY_PARAMETER),
                query.malformed() || path == null, headers, bytes, null, baseUrl);
        VerifiedToken token = new VerifiedToken(installation.id(), installation.smartAppId(),
                installation.accountId(), clock.instant().plus(Duration.ofMinutes(1)));
        return answer(api.call(token, installation.id(), call));
    }

    private static Answer answer(InstallationCallOutcome outcome) {
        List<Header> headers = new ArrayList<>();
        if (outcome.rate() != null) {
            headers.add(new Header("X-RateLimit-Limit", Integer.toString(outcome.rate().limit())));
            headers.add(new Header("X-RateLimit-Current", Integer.toString(outcome.rate().current())));
            headers.add(new Header("X-RateLimit-TTL", Long.toString(outcome.rate().ttlSeconds())));
        }
        if (outcome instanceof InstallationCallOutcome.Refused refused) {
            headers.add(new Header("Content-Type", "application/json;charset=utf-8"));
            refused.error().headers().forEach((k, v) -> headers.add(new Header(k, v)));
            return new Answer(refused.error().status(), headers,
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(refused.error().body()));
        }
        InstallationCallOutcome.Answered answered = (InstallationCallOutcome.Answered) outcome;
        if (answered.contentType() != null) {
            headers.add(new Header("Content-Type", answered.contentType()));
        }
        answered.headers().forEach((k, v) -> headers.add(new Header(k, v)));
        return new Answer(answered.status(), headers, answered.body());
    }

    /** As the API decodes the path it is called with; null for a malformed escape. */
    private static String decode(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
    }
}
