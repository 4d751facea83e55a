package hearth.api;

import hearth.cluster.TokenVerifier;
import hearth.cluster.VerifiedToken;
import hearth.engine.api.ApiRequest;
import hearth.engine.api.HandlerOutcome;
import hearth.installation.CallLog;
import hearth.installation.ExecutionLimiter;
import hearth.installation.Installation;
import hearth.installation.InstallationRepository;
import hearth.installation.InstallationRuntime;
import hearth.installation.LastUse;
import hearth.installation.LoadedInstallation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The rules of a call to an Installation's own API, with no servlet types: the token must be
 * this Installation's and the Installation hosted here (else 403 AccessDenied), the call counts
 * against the execution limit (429 RateLimit), the body is at most {@link #MAX_BODY} (413), the
 * last use is noted (and written with others', {@link LastUse}), and then the SmartApp's mappings answer.
 */
@Service
public class InstallationApi {
    public static final int MAX_BODY = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(InstallationApi.class);

    private final InstallationRepository installations;
    private final ExecutionLimiter limiter;
    private final InstallationRuntime runtime;
    private final Clock clock;
    private final CallLog callLog;
    private final LastUse lastUse;

    public InstallationApi(InstallationRepository installations, ExecutionLimiter limiter, InstallationRuntime runtime,
                           Clock clock, CallLog callLog, LastUse lastUse) {
        this.callLog = callLog;
        this.lastUse = lastUse;
        this.installations = installations;
        this.limiter = limiter;
        this.runtime = runtime;
        this.clock = clock;
    }

    public InstallationCallOutcome call(VerifiedToken token, String installationId, InstallationCall call) {
        return call(new TokenVerifier.Verified(token, null), installationId, call);
    }

    /** As {@link #call(VerifiedToken, String, InstallationCall)}, with the Installation if it was read with the token. */
    public InstallationCallOutcome call(TokenVerifier.Verified verified, String installationId,
                                        InstallationCall call) {
        VerifiedToken token = verified.token();
        if (!token.installationId().equals(installationId)) {
            return new InstallationCallOutcome.Refused(ClassicError.accessDenied("this token belongs to another "
                    + "installation; call the uri that /api/smartapps/endpoints returns for it"), null);
        }
        LoadedInstallation loaded = verified.installation() != null
                ? installations.withChosen(verified.installation())
                : installations.findLoaded(installationId).orElse(null);
        if (loaded == null) {
            return new InstallationCallOutcome.Refused(ClassicError.accessDenied("this installation is not on this "
                    + "server, or was removed; call the uri that /api/smartapps/endpoints returns"), null);
        }
        ExecutionLimiter.Decision rate = limiter.acquire(installationId);
        if (!rate.allowed()) {
            callLog.rateLimited(loaded.installation(), "an API request", rate.limit());
            return new InstallationCallOutcome.Refused(ClassicError.rateLimit(rate.limit(), rate.ttlSeconds()), rate);
        }
        if (call.body().length > MAX_BODY) {
            return new InstallationCallOutcome.Refused(ClassicError.tooLarge(MAX_BODY), rate);
        }
        Installation installation = loaded.installation();
        Instant now = clock.instant();
        lastUse.note(installationId, installation.lastUsedAt(), now);
        if (call.malformed() || call.path() == null) {
            return new InstallationCallOutcome.Refused(ClassicError.malformedEscape(), rate);
        }
        ApiRequest request = new ApiRequest(call.method().toUpperCase(Locale.ROOT), call.path(), call.query(),
                call.headers(), new String(call.body(), StandardCharsets.UTF_8));
        return outcome(runtime.handle(loaded, request, call.baseUrl(), call.queryToken()), installation, request,
                rate);
    }

    private InstallationCallOutcome outcome(HandlerOutcome outcome, Installation installation, ApiRequest request,
                                            ExecutionLimiter.Decision rate) {
        if (outcome instanceof HandlerOutcome.Response r) {
            return new InstallationCallOutcome.Answered(r.status(), r.contentType(), r.body(), r.headers(), rate);
        }
        if (outcome instanceof HandlerOutcome.NotFound) {
            return new InstallationCallOutcome.Refused(ClassicError.notFound(), rate);
        }
        if (outcome instanceof HandlerOutcome.MethodNotAllowed m) {
            return new InstallationCallOutcome.Refused(ClassicError.methodNotAllowed(m.allowed()), rate);
        }
        if (outcome instanceof HandlerOutcome.HttpError e) {
            return new InstallationCallOutcome.Refused(ClassicError.httpError(e.status(), e.message()), rate);
        }
        HandlerOutcome.Failure failure = (HandlerOutcome.Failure) outcome;
        String reference = UUID.randomUUID().toString();
        log.warn("installation {} handler failed with {} (reference {})", installation.id(), failure.type(), reference,
                failure.cause());
        callLog.apiFailure(installation, reference, request, failure);
        return new InstallationCallOutcome.Refused(ClassicError.failure(failure.type(), failure.message(), reference),
                rate);
    }
}
