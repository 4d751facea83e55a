package hearth.console;

import hearth.api.BearerTokens;
import hearth.api.InstallationApi;
import hearth.api.InstallationCall;
import hearth.api.InstallationCallOutcome;
import hearth.api.QueryParameters;
import hearth.applog.AppLogEntry;
import hearth.applog.global.AppLogService;
import hearth.cluster.VerifiedToken;
import hearth.installation.Installation;
import hearth.installation.global.InstallationService;
import hearth.smartapp.SmartAppService;
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
 * The developer console's <em>Test call</em>: one call of the developer's own Installation of
 * their SmartApp, made as its API would be called with a token of it, and the app log lines the
 * call wrote (those of that Installation written while it ran). The Installation must run on this
 * Server; one on another Server answers so, as its API would.
 */
@Component
class TestCalls {
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SmartAppService apps;
    private final InstallationService installations;
    private final InstallationApi api;
    private final AppLogService logs;
    private final Clock clock;

    TestCalls(SmartAppService apps, InstallationService installations, InstallationApi api, AppLogService logs,
              Clock clock) {
        this.apps = apps;
        this.installations = installations;
        this.api = api;
        this.logs = logs;
        this.clock = clock;
    }

    record Header(String name, String value) {
    }

    /** What the call answered, and the lines it wrote, oldest first. */
    record Result(String installationId, String method, String path, int status, List<Header> headers, String body,
                  List<AppLogEntry> lines) {
    }

    /** The account's own Installations of its SmartApp: the ones a test call may use. */
    List<Installation> choices(String accountId, String smartAppId) {
        apps.owned(accountId, smartAppId);
        return installations.ownedBy(accountId).stream().filter(i -> i.smartAppId().equals(smartAppId)).toList();
    }

    Result run(String accountId, String smartAppId, String installationId, String method, String target,
               String body, String baseUrl) {
        apps.owned(accountId, smartAppId);
        Installation installation = installations.owned(accountId, installationId == null ? "" : installationId);
        if (!installation.smartAppId().equals(smartAppId)) {
            throw ApiException.notFound("you have no Installation with id " + installationId + " of this SmartApp");
        }
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
        String rawPath = question < 0 ? typed : typed.substring(0, question);
        QueryParameters query = QueryParameters.parse(question < 0 ? null : typed.substring(question + 1));
        String path = decode(rawPath);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        if (bytes.length > 0) {
            headers.put("content-type", "application/json");
        }
        InstallationCall call = new InstallationCall(verb, path, query.firstValuesExcept(BearerTokens.QUERY_PARAMETER),
                query.malformed() || path == null, headers, bytes, null, baseUrl);

        String before = logs.read(accountId, smartAppId, new AppLogService.Request(installation.id(), null, null,
                null, 1)).cursor();
        VerifiedToken token = new VerifiedToken(installation.id(), smartAppId, accountId,
                clock.instant().plus(Duration.ofMinutes(1)));
        InstallationCallOutcome outcome = api.call(token, installation.id(), call);
        List<AppLogEntry> lines = logs.read(accountId, smartAppId, new AppLogService.Request(installation.id(), null,
                null, before, 1000)).lines();
        return answer(installation.id(), verb, typed, outcome, lines);
    }

    private static Result answer(String installationId, String method, String path, InstallationCallOutcome outcome,
                                 List<AppLogEntry> lines) {
        List<Header> headers = new ArrayList<>();
        if (outcome.rate() != null) {
            headers.add(new Header("X-RateLimit-Limit", Integer.toString(outcome.rate().limit())));
            headers.add(new Header("X-RateLimit-Current", Integer.toString(outcome.rate().current())));
            headers.add(new Header("X-RateLimit-TTL", Long.toString(outcome.rate().ttlSeconds())));
        }
        if (outcome instanceof InstallationCallOutcome.Refused refused) {
            headers.add(new Header("Content-Type", "application/json;charset=utf-8"));
            refused.error().headers().forEach((k, v) -> headers.add(new Header(k, v)));
            return new Result(installationId, method, path, refused.error().status(), headers,
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(refused.error().body()), lines);
        }
        InstallationCallOutcome.Answered answered = (InstallationCallOutcome.Answered) outcome;
        if (answered.contentType() != null) {
            headers.add(new Header("Content-Type", answered.contentType()));
        }
        answered.headers().forEach((k, v) -> headers.add(new Header(k, v)));
        return new Result(installationId, method, path, answered.status(), headers, answered.body(), lines);
    }

    private static String decode(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return null;
        }
    }
}
