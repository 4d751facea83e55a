package hearth.modern;

import hearth.oauth.ApiClientRepository;
import hearth.oauth.Scopes;
import hearth.smartapp.SmartAppService;
import hearth.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.regex.Pattern;

/**
 * API-only OAuth clients: registered with a name, redirect URIs and the modern API's scopes they
 * may ask for, and no Groovy. Each is a SmartApp whose source Hearth writes (a definition, no
 * inputs, one mapping that says what it is), so consent, tokens (24 h access, rotating refresh),
 * Connected apps and every revocation work for it as for any other; its tokens reach what their
 * scopes name in the Location the user connected it to.
 */
@Service
public class ApiClients {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._()-]{1,100}");

    private final SmartAppService apps;
    private final ApiClientRepository clients;

    public ApiClients(SmartAppService apps, ApiClientRepository clients) {
        this.apps = apps;
        this.clients = clients;
    }

    /** What a developer sends; null lists and flags take their defaults. */
    public record Registration(String name, List<String> redirectUris, List<String> scopes, List<String> servers,
                               Boolean publicClient) {
    }

    /** @throws ApiException 400 saying what to fix */
    @Transactional
    public SmartAppService.Registered register(String ownerId, Registration registration) {
        if (registration.name() == null || !NAME.matcher(registration.name()).matches()) {
            throw ApiException.badRequest("name is required: 1 to 100 letters, digits, spaces and . _ ( ) -");
        }
        if (registration.scopes() == null || registration.scopes().isEmpty()) {
            throw ApiException.badRequest("scopes must list what the client may ask for, some of "
                    + Scopes.READ_LOCATIONS + ", " + Scopes.READ_DEVICES + ", " + Scopes.EXECUTE_DEVICES);
        }
        for (String scope : registration.scopes()) {
            if (scope == null || !Scopes.known(scope)) {
                throw ApiException.badRequest("unknown scope '" + scope + "'; known: " + Scopes.KNOWN);
            }
        }
        SmartAppService.Registered registered = apps.register(ownerId, new SmartAppService.Changes(
                source(registration.name().trim()), registration.redirectUris(), registration.servers(), null, null,
                null, registration.publicClient()));
        clients.insert(registered.app().id(), Scopes.of(registration.scopes()));
        return registered;
    }

    /** The definition Hearth writes for it: the name is checked above, so it can't leave its quotes. */
    static String source(String name) {
        return "definition(name: '" + name + "', namespace: 'api-only', author: 'API-only client', "
                + "description: 'Uses the SmartThings API (locations, devices) of the Location you connect it to', "
                + "category: 'Convenience', oauth: true)\n\npreferences {\n}\n\n"
                + "mappings {\n    path('/') {\n        action: [GET: 'about']\n    }\n}\n\n"
                + "def about() {\n    [apiOnly: true, api: '/v1/devices']\n}\n";
    }
}
