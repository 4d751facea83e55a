package hearth.oauth.revocation;

import hearth.oauth.TokenService;
import hearth.oauth.client.ClientAuthenticator;
import hearth.oauth.client.TokenParameters;
import hearth.smartapp.SmartAppRecord;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * RFC 7009 revocation. Revoking a refresh token revokes its whole grant (§2.1); an access token
 * only itself. Unknown tokens and other clients' tokens answer 200 too, so nothing is learned.
 */
@RestController
public class RevocationEndpoint {
    private final ClientAuthenticator clients;
    private final TokenService tokens;

    public RevocationEndpoint(ClientAuthenticator clients, TokenService tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    @PostMapping("/oauth/revoke")
    public ResponseEntity<Void> revoke(HttpServletRequest request) {
        TokenParameters parameters = TokenParameters.from(request);
        SmartAppRecord client = clients.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION), parameters);
        tokens.revokeByClient(client, parameters.require("token", "send the token to revoke as 'token'"));
        return ResponseEntity.ok().build();
    }
}
