package hearth.oauth.client;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import hearth.oauth.ClientWith;
import hearth.oauth.OAuthException;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import hearth.support.Secrets;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Authenticates the client of a token request: HTTP Basic (RFC 6749 §2.3.1, parsed by Nimbus)
 * or {@code client_id} and {@code client_secret} in the parameters, not both. A public client
 * names itself with {@code client_id} alone; what proves it is its PKCE verifier, checked by the
 * grant.
 */
@Component
public class ClientAuthenticator {
    private final SmartAppService apps;

    public ClientAuthenticator(SmartAppService apps) {
        this.apps = apps;
    }

    public SmartAppRecord authenticate(String authorizationHeader, TokenParameters parameters) {
        Credentials credentials = credentials(authorizationHeader, parameters);
        return check(credentials, apps.clientByClientId(credentials.clientId()).map(ClientWith::alone)).client();
    }

    /**
     * {@link #authenticate}, with the client read together with what the request names in the
     * parameter {@code named} (a code, a refresh token), when it is sent: {@code withClient} gets
     * the client_id and that value, and reads both in one statement. What it found comes back only
     * once the client is authenticated, so the client's errors come first, unchanged, and nothing
     * of the code or token is used before.
     */
    public <T> ClientWith<T> authenticate(String authorizationHeader, TokenParameters parameters, String named,
                                          BiFunction<String, String, Optional<ClientWith<T>>> withClient) {
        Credentials credentials = credentials(authorizationHeader, parameters);
        Optional<String> value = parameters.get(named);
        return check(credentials, value.isPresent() ? withClient.apply(credentials.clientId(), value.get())
                : apps.clientByClientId(credentials.clientId()).map(ClientWith::alone));
    }

    private record Credentials(String clientId, String secret) {
        @Override
        public String toString() {
            return "Credentials[" + clientId + "]";
        }
    }

    private static Credentials credentials(String authorizationHeader, TokenParameters parameters) {
        boolean basic = authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6);
        if (!basic) {
            String clientId = parameters.get("client_id").orElseThrow(() -> OAuthException.invalidClient(
                    "no client authentication: send client_id and client_secret, in the body or as HTTP Basic"));
            return new Credentials(clientId, parameters.get("client_secret").orElse(null));
        }
        if (parameters.get("client_secret").isPresent()) {
            throw OAuthException.invalidRequest("the client authenticated twice, with HTTP Basic and with "
                    + "client_secret; use one of them (RFC 6749 §2.3)");
        }
        ClientSecretBasic credentials;
        try {
            credentials = ClientSecretBasic.parse(authorizationHeader);
        } catch (ParseException e) {
            throw OAuthException.invalidClient("the HTTP Basic credentials can't be read: " + e.getMessage()
                    + "; send base64(urlencode(client_id) \":\" urlencode(client_secret))");
        }
        String clientId = credentials.getClientID().getValue();
        parameters.get("client_id").filter(id -> !id.equals(clientId)).ifPresent(id -> {
            throw OAuthException.invalidRequest("client_id in the parameters differs from the one in HTTP Basic");
        });
        return new Credentials(clientId, credentials.getClientSecret().getValue());
    }

    /** {@code read}: the client of {@code credentials}, with what it was read with; returned when they prove it. */
    private static <T> ClientWith<T> check(Credentials credentials, Optional<ClientWith<T>> read) {
        String clientId = credentials.clientId();
        String secret = credentials.secret();
        ClientWith<T> found = read.orElseThrow(() -> OAuthException.invalidClient(
                "no SmartApp has the client_id '" + clientId + "'; copy it from the developer console"));
        SmartAppRecord app = found.client();
        if (app.publicClient()) {
            if (secret != null) {
                throw OAuthException.invalidClient("client '" + clientId + "' is a public client and has no secret; "
                        + "send client_id alone, with the PKCE code_verifier");
            }
            return found;
        }
        if (secret == null) {
            throw OAuthException.invalidClient("client_secret is missing; send it in the body or as HTTP Basic");
        }
        if (!Secrets.constantTimeEquals(Secrets.sha256Hex(secret), app.clientSecretHash())) {
            throw OAuthException.invalidClient("the client_secret is wrong for client_id '" + clientId
                    + "'; if it was rotated, use the new one from the developer console");
        }
        return found;
    }
}
