package hearth.oauth.authorize;

import hearth.account.Account;
import hearth.account.AccountRepository;
import hearth.engine.api.AppDefinition;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import org.springframework.stereotype.Component;

import java.net.URI;

/**
 * Who is asking, as the consent pages show it, so a look-alike ("Hearth Demo" by someone else)
 * can be told from the real app: besides the name the app gives itself, the Hearth account that
 * registered it (which nobody else can claim), its namespace and author, its description, and the
 * host the answer goes back to.
 *
 * @param redirectHost the host of the redirect URI, or null when the answer goes to a device's polling
 */
public record AppIdentity(String displayName, String name, String namespace, String author, String description,
                   String publisher, String redirectHost) {

    @Component
    public static class Finder {
        private final SmartAppService apps;
        private final AccountRepository accounts;

        public Finder(SmartAppService apps, AccountRepository accounts) {
            this.apps = apps;
            this.accounts = accounts;
        }

        AppIdentity of(SmartAppRecord app, AuthorizationRequest request) {
            AppDefinition definition = apps.compiled(app).definition();
            String publisher = accounts.findById(app.ownerId()).map(Account::username).orElse("(unknown)");
            return new AppIdentity(definition.displayName(), definition.name(), blankToNull(definition.namespace()),
                    blankToNull(definition.author()), blankToNull(definition.description()), publisher,
                    request.forDevice() ? null : host(request.redirectUri()));
        }

        private static String host(String uri) {
            URI parsed = URI.create(uri);
            String host = parsed.getHost();
            if (host == null) {
                return parsed.getScheme() + ":";   // a native app's custom scheme, e.g. com.example.app:
            }
            return parsed.getPort() < 0 ? host : host + ":" + parsed.getPort();
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
