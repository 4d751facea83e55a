package hearth.console;

import hearth.applog.AppLogEntry;
import hearth.applog.global.AppLogService;
import hearth.installation.Installation;
import hearth.installation.global.DirectCalls;
import hearth.installation.global.InstallationService;
import hearth.smartapp.SmartAppService;
import hearth.web.ApiException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * The developer console's <em>Test call</em>: one call of the developer's own Installation of
 * their SmartApp, answered as its API would answer it ({@link DirectCalls}), and the app log lines
 * the call wrote: those of that Installation after the newest one before the call (a call of the
 * same Installation from elsewhere at the same moment would show too).
 */
@Component
class TestCalls {
    private final SmartAppService apps;
    private final InstallationService installations;
    private final DirectCalls calls;
    private final AppLogService logs;

    TestCalls(SmartAppService apps, InstallationService installations, DirectCalls calls, AppLogService logs) {
        this.apps = apps;
        this.installations = installations;
        this.calls = calls;
        this.logs = logs;
    }

    /** What the call answered, and the lines it wrote, oldest first. */
    record Result(String installationId, String method, String path, int status, List<DirectCalls.Header> headers,
                  String body, List<AppLogEntry> lines) {
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
        String before = logs.read(accountId, smartAppId, new AppLogService.Request(installation.id(), null, null,
                null, 1)).cursor();
        DirectCalls.Answer answer = calls.call(installation, method, target, body, baseUrl);
        List<AppLogEntry> lines = logs.read(accountId, smartAppId, new AppLogService.Request(installation.id(), null,
                null, before, 1000)).lines();
        return new Result(installation.id(), method == null ? "" : method.trim().toUpperCase(Locale.ROOT),
                target == null || target.isBlank() ? "/" : target.trim(), answer.status(), answer.headers(),
                answer.body(), lines);
    }
}
