package hearth.oauth.authorize;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import hearth.oauth.ClientScopes;
import hearth.oauth.OAuthException;
import hearth.smartapp.RedirectUris;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks an authorization request in the order RFC 6749 §4.1.2.1 demands: while the client or
 * its redirect URI is in doubt, the user gets a page that explains it and nothing is redirected
 * (an open redirector otherwise); after that, errors go back to the client's redirect URI.
 */
@Component
public class AuthorizationRequestValidator {
    private final SmartAppService apps;
    private final ClientScopes scopes;
    private final Clock clock;

    public AuthorizationRequestValidator(SmartAppService apps, ClientScopes scopes, Clock clock) {
        this.apps = apps;
        this.scopes = scopes;
        this.clock = clock;
    }

    public AuthorizationRequest validate(Map<String, String[]> parameters, String query) {
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            if (entry.getValue().length > 1) {
                throw AuthorizationException.page("The parameter '" + entry.getKey() + "' appears "
                        + entry.getValue().length + " times in the link.", "Each parameter may appear only once "
                        + "(RFC 6749 §3.1). Ask the app's developer to fix the link.");
            }
        }
        String clientId = first(parameters, "client_id").orElseThrow(() -> AuthorizationException.page(
                "The link has no client_id.", "The app that sent you here must name itself with client_id. "
                        + "Ask its developer to fix the link."));
        SmartAppRecord app = apps.byClientId(clientId).orElseThrow(() -> AuthorizationException.page(
                "No app is registered here with the client_id '" + clientId + "'.",
                "Check the client_id in the link; if you are the developer, copy it from the developer console."));
        Optional<String> given = first(parameters, "redirect_uri");
        String redirectUri;
        if (given.isPresent()) {
            redirectUri = RedirectUris.match(app.redirectUris(), given.get()).map(r -> given.get())
                    .orElseThrow(() -> AuthorizationException.page("The redirect_uri '" + given.get()
                            + "' is not registered for " + app.name() + ".", "Redirect URIs must match one registered "
                            + "URI exactly. Registered: " + app.redirectUris() + "."));
        } else if (app.redirectUris().size() == 1) {
            redirectUri = app.redirectUris().get(0);   // RFC 6749 §3.1.2.3: optional when only one is registered
        } else {
            throw AuthorizationException.page("The link has no redirect_uri, and " + app.name() + " has several.",
                    "Add redirect_uri with one of: " + app.redirectUris() + ".");
        }
        String state = first(parameters, "state").orElse(null);
        String responseType = first(parameters, "response_type").orElse(null);
        if (!"code".equals(responseType)) {
            throw AuthorizationException.redirect(redirectUri, state, OAuth2Error.UNSUPPORTED_RESPONSE_TYPE,
                    responseType == null ? "response_type is missing; send response_type=code"
                            : "response_type '" + responseType + "' is not supported; send response_type=code");
        }
        String scope = scope(app, first(parameters, "scope"), redirectUri, state);
        String challenge = first(parameters, "code_challenge").orElse(null);
        String method = first(parameters, "code_challenge_method").orElse(challenge == null ? null : "plain");
        if (challenge != null && !"S256".equals(method)) {
            throw AuthorizationException.redirect(redirectUri, state, OAuth2Error.INVALID_REQUEST,
                    "code_challenge_method must be S256 (plain is refused, RFC 9700 §2.1.1)");
        }
        if (challenge == null && app.publicClient()) {
            throw AuthorizationException.redirect(redirectUri, state, OAuth2Error.INVALID_REQUEST,
                    "this is a public client: "
                    + "send code_challenge and code_challenge_method=S256 (PKCE, RFC 7636)");
        }
        if (challenge != null && !challenge.matches("[A-Za-z0-9._~-]{43,128}")) {
            throw AuthorizationException.redirect(redirectUri, state, OAuth2Error.INVALID_REQUEST,
                    "code_challenge must be 43 to 128 characters of base64url (RFC 7636 §4.2)");
        }
        return new AuthorizationRequest(UUID.randomUUID().toString(), clientId, app.id(), redirectUri,
                given.isPresent(), scope, state, challenge, challenge == null ? null : method, query, clock.instant(),
                null, null);
    }

    private String scope(SmartAppRecord app, Optional<String> asked, String redirectUri, String state) {
        try {
            return scopes.resolve(app, asked);
        } catch (OAuthException e) {
            throw AuthorizationException.redirect(redirectUri, state, OAuth2Error.INVALID_SCOPE, e.getMessage());
        }
    }

    private static Optional<String> first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 || values[0].isEmpty() ? Optional.empty() : Optional.of(values[0]);
    }
}
