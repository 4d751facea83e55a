package hearth.oauth.introspection;

import hearth.oauth.ClientWith;
import hearth.oauth.OAuthException;
import hearth.oauth.TokenRecord;
import hearth.oauth.TokenService;
import hearth.oauth.client.ClientAuthenticator;
import hearth.oauth.client.TokenParameters;
import hearth.smartapp.SmartAppRecord;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 7662 token introspection, for resource servers that hold a SmartApp's confidential
 * credentials. A client learns only about its own tokens; anything else is {@code active: false}.
 */
@RestController
public class IntrospectionEndpoint {
    private static final String TOKEN = "token";
    private final ClientAuthenticator clients;
    private final TokenService tokens;

    public IntrospectionEndpoint(ClientAuthenticator clients, TokenService tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    @PostMapping("/oauth/introspect")
    public ResponseEntity<Map<String, Object>> introspect(HttpServletRequest request) {
        TokenParameters parameters = TokenParameters.from(request);
        // The client and the token in one statement; the token only once the client is authenticated.
        ClientWith<TokenRecord> read = clients.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION), parameters,
                TOKEN, tokens::withClient);
        SmartAppRecord client = read.client();
        if (client.publicClient()) {
            throw OAuthException.invalidClient("introspection is for confidential clients; a public client can't "
                    + "authenticate, so it can't be told about tokens");
        }
        parameters.require(TOKEN, "send the token to introspect as 'token'");
        Map<String, Object> body = tokens.active(read.found())
                .filter(t -> t.smartAppId().equals(client.id()))
                .map(t -> describe(t, client))
                .orElseGet(() -> Map.of("active", false));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static Map<String, Object> describe(TokenRecord token, SmartAppRecord client) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", true);
        body.put("scope", token.scope());
        body.put("client_id", client.clientId());
        body.put("token_type", token.kind() == TokenRecord.Kind.ACCESS ? "bearer" : "refresh_token");
        body.put("exp", token.expiresAt().getEpochSecond());
        body.put("iat", token.issuedAt().getEpochSecond());
        body.put("sub", token.accountId());
        body.put("installation_id", token.installationId());
        return body;
    }
}
