package hearth.console;

import hearth.installation.Installation;
import hearth.installation.global.InstallationService;
import hearth.server.ServerDirectory;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import hearth.support.PageTimes;
import hearth.support.Times;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** What the developer console shows of an account's SmartApps. */
@Component
class ConsoleAppViews {
    private final SmartAppService apps;
    private final InstallationService installations;
    private final ServerDirectory servers;

    ConsoleAppViews(SmartAppService apps, InstallationService installations, ServerDirectory servers) {
        this.apps = apps;
        this.installations = installations;
        this.servers = servers;
    }

    record AppSummary(String id, String name, String namespace, String clientId, int installations) {
    }

    /** A SmartApp in full, with its Installations; never its secret, which Hearth does not have. */
    record AppDetail(String id, String name, String namespace, String clientId, boolean publicClient,
                     List<String> redirectUris, String publishedTo, String accessTokens, String refreshTokens,
                     String created, String updated, List<InstallationRow> installations) {
    }

    /** Another account's Installation of the app: its id and times only, not that person's home or devices. */
    record InstallationRow(String id, int devices, String created, String lastUsed) {
    }

    List<AppSummary> summaries(String ownerId) {
        return apps.ownedBy(ownerId).stream().map(a -> new AppSummary(a.id(), a.name(), a.namespace(), a.clientId(),
                installations.ofSmartApp(ownerId, a.id()).size())).toList();
    }

    AppDetail detail(String ownerId, String id) {
        SmartAppRecord app = apps.owned(ownerId, id);
        List<InstallationRow> rows = new ArrayList<>();
        for (Installation i : installations.ofSmartApp(ownerId, id)) {
            rows.add(new InstallationRow(i.id(), i.allDeviceIds().size(), PageTimes.format(i.createdAt(), ""),
                    PageTimes.format(i.lastUsedAt(), "never")));
        }
        boolean legacy = app.accessTokenTtl().equals(SmartAppService.LEGACY_TOKEN_TTL);
        return new AppDetail(app.id(), app.name(), app.namespace(), app.clientId(), app.publicClient(),
                app.redirectUris(), app.servers().contains(SmartAppRecord.ALL_SERVERS) ? "all Servers"
                : String.join(", ", app.servers()),
                legacy ? "legacy long-lived (50 years)" : Times.inWords(app.accessTokenTtl()),
                legacy ? "none (legacy tokens are not refreshed)" : Times.inWords(app.refreshTokenTtl()),
                PageTimes.format(app.createdAt(), ""), PageTimes.format(app.updatedAt(), ""), rows);
    }

    /** The Server checkboxes: "all" first, then each Server by name. */
    List<String> serverChoices() {
        List<String> choices = new ArrayList<>();
        choices.add(SmartAppRecord.ALL_SERVERS);
        choices.addAll(servers.names());
        return choices;
    }
}
