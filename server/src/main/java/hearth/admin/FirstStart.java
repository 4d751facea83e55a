package hearth.admin;

import hearth.HearthProperties;
import hearth.account.SetupCodes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A server that starts with no account and no demo to make one prints a setup code to its log
 * ({@link SetupCodes}); the global server only, where accounts live.
 */
@Component
class FirstStart {
    private final SetupCodes codes;
    private final HearthProperties properties;

    FirstStart(SetupCodes codes, HearthProperties properties) {
        this.codes = codes;
        this.properties = properties;
    }

    @EventListener
    void announce(ApplicationReadyEvent event) {
        if (properties.demo().enabled() || !properties.role().global()) {
            return;
        }
        String base = properties.publicUrl() == null || properties.publicUrl().isBlank()
                ? "http://localhost:" + (event.getApplicationContext() instanceof WebServerApplicationContext web
                        ? web.getWebServer().getPort() : 8080)
                : properties.publicUrl().replaceAll("/+$", "");
        codes.issue(base + "/setup");
    }
}
