package hearth.applog;

import hearth.smartapp.SmartAppDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A Server's side of reading the app log. Ownership is the caller's to check. A read first waits
 * briefly for the writer, so it sees every line that calls before it wrote.
 */
@Service
public class AppLogs {
    private static final Duration CATCH_UP = Duration.ofSeconds(2);

    private final AppLogRepository repository;
    private final AppLogWriter writer;

    public AppLogs(AppLogRepository repository, AppLogWriter writer) {
        this.repository = repository;
        this.writer = writer;
    }

    public List<AppLogEntry> find(String smartAppId, AppLogQuery query) {
        catchUp();
        return repository.find(smartAppId, query);
    }

    public Optional<AppLogEntry> byReference(String smartAppId, String reference) {
        catchUp();
        return repository.byReference(smartAppId, reference);
    }

    /** A deleted SmartApp's log goes with it. */
    @EventListener
    void on(SmartAppDeleted deleted) {
        repository.deleteSmartApp(deleted.app().id());
    }

    private void catchUp() {
        try {
            writer.awaitWritten(CATCH_UP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
