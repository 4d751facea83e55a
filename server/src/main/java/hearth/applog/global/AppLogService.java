package hearth.applog.global;

import hearth.applog.AppLogEntry;
import hearth.applog.AppLogQuery;
import hearth.cluster.Shard;
import hearth.cluster.Shards;
import hearth.engine.api.LogLine.Level;
import hearth.installation.Installation;
import hearth.smartapp.SmartAppService;
import hearth.web.ApiException;
import hearth.web.ServerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reading a SmartApp's app log for its owner (anyone else gets the 404 an unknown SmartApp gets):
 * from every Server, merged in time order. Without a cursor, the newest lines; with one, the lines
 * after it, oldest first. Either way newest last, with the cursor to read on from.
 */
@Service
public class AppLogService {
    private static final Logger log = LoggerFactory.getLogger(AppLogService.class);
    private static final Comparator<AppLogEntry> ORDER = Comparator.comparing(AppLogEntry::time)
            .thenComparing(AppLogEntry::server).thenComparingLong(AppLogEntry::id);

    private final SmartAppService apps;
    private final Shards shards;

    public AppLogService(SmartAppService apps, Shards shards) {
        this.apps = apps;
        this.shards = shards;
    }

    /** What a reader asks: the filters, and the cursor of an earlier answer (or null for the newest lines). */
    public record Request(String installation, Level level, Instant since, String cursor, int limit) {
        public Request {
            if (limit < 1 || limit > AppLogQuery.MAX_LIMIT) {
                throw ApiException.badRequest("limit must be between 1 and " + AppLogQuery.MAX_LIMIT + "; got " + limit);
            }
        }

        public Request withCursor(String next) {
            return new Request(installation, level, since, next, limit);
        }
    }

    /** The lines, oldest first, and where to read on from. */
    public record Page(List<AppLogEntry> lines, String cursor) {
    }

    public Page read(String accountId, String smartAppId, Request request) {
        apps.owned(accountId, smartAppId);
        boolean onward = request.cursor() != null;
        LogCursor cursor = LogCursor.parse(request.cursor());
        List<AppLogEntry> all = new ArrayList<>();
        LogCursor next = cursor;
        for (Shard shard : shards.all()) {
            try {
                Long after = onward ? cursor.of(shard.name()) : null;
                all.addAll(shard.appLog(smartAppId, new AppLogQuery(request.installation(), request.level(),
                        request.since(), after, request.limit())));
                next = next.with(shard.name(), cursor.of(shard.name()));
            } catch (ServerUnavailableException e) {
                log.warn("server {} did not answer; its app log lines are left out", e.server());
            }
        }
        all.sort(ORDER);
        List<AppLogEntry> page = onward ? all.subList(0, Math.min(all.size(), request.limit()))
                : all.subList(Math.max(0, all.size() - request.limit()), all.size());
        // The newest page's older lines of a Server that were cut are older than every line kept,
        // so stepping past them loses nothing that a reader going on from here would want.
        for (AppLogEntry e : onward ? page : all) {
            next = next.with(e.server(), e.id());
        }
        return new Page(List.copyOf(page), next.toString());
    }

    /** The line behind a reference id of this SmartApp, for its developer. */
    public AppLogEntry failure(String accountId, String smartAppId, String reference) {
        apps.owned(accountId, smartAppId);
        for (Shard shard : shards.all()) {
            try {
                Optional<AppLogEntry> found = shard.appLogFailure(smartAppId, reference);
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (ServerUnavailableException e) {
                log.warn("server {} did not answer; its app log lines are left out", e.server());
            }
        }
        throw notFound(reference);
    }

    /** The line behind a reference id of one of the account's Installations, for its owner. */
    public AppLogEntry failureOfInstallation(String accountId, String installationId, String reference) {
        for (Shard shard : shards.all()) {
            Optional<Installation> installation = shard.installation(installationId)
                    .filter(i -> i.accountId().equals(accountId));
            if (installation.isPresent()) {
                return shard.appLogFailure(installation.get().smartAppId(), reference)
                        .filter(e -> installationId.equals(e.installationId()))
                        .orElseThrow(() -> notFound(reference));
            }
        }
        throw ApiException.notFound("you have no Installation with id " + installationId);
    }

    private static ApiException notFound(String reference) {
        return ApiException.notFound("no failure with reference " + reference + " is in the log (it keeps the "
                + "newest lines of each SmartApp for a limited time)");
    }
}
