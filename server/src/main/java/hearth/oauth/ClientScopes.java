package hearth.oauth;

import hearth.smartapp.SmartAppRecord;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The scope an authorization asks for, checked against its client: a classic SmartApp has the
 * single scope {@code app}; an API-only client ({@link ApiClientRepository}) asks for some of the
 * modern API's scopes it registered, all of them when it names none. One rule for the code grant
 * and the device grant alike.
 */
@Component
public class ClientScopes {
    private final ApiClientRepository clients;

    public ClientScopes(ApiClientRepository clients) {
        this.clients = clients;
    }

    /**
     * @param asked the {@code scope} parameter, or empty when the request has none
     * @throws OAuthException invalid_scope, saying what the client may ask for
     */
    public String resolve(SmartAppRecord app, Optional<String> asked) {
        Optional<Scopes> registered = clients.scopes(app.id());
        if (registered.isEmpty()) {
            String scope = asked.orElse(TokenService.SCOPE);
            if (!TokenService.SCOPE.equals(scope)) {
                throw OAuthException.invalidScope("scope '" + scope + "' is not known; SmartApps have the single "
                        + "scope 'app'");
            }
            return scope;
        }
        if (asked.isEmpty()) {
            return registered.get().joined();
        }
        Scopes scopes = Scopes.parse(asked.get());
        for (String one : scopes.granted()) {
            if (!registered.get().granted().contains(one)) {
                throw OAuthException.invalidScope("scope '" + one + "' is not one this client registered; it may "
                        + "ask for " + registered.get().joined());
            }
        }
        return scopes.joined();
    }
}
