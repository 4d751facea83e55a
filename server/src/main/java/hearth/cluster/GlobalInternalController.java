package hearth.cluster;

import hearth.cluster.InternalApi.Introspect;
import hearth.cluster.InternalApi.SelfToken;
import hearth.cluster.InternalApi.TokenStatus;
import hearth.oauth.TokenRecord;
import hearth.oauth.TokenService;
import hearth.oauth.TokenService.InvalidTokenException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The global server's side of the internal API: shards check tokens and make self tokens here. */
@RestController
class GlobalInternalController {
    private final TokenService tokens;

    GlobalInternalController(TokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/internal/tokens/introspect")
    TokenStatus introspect(@RequestBody Introspect request) {
        try {
            TokenRecord token = tokens.authenticate(request.token());
            return new TokenStatus(true, null, token.installationId(), token.smartAppId(), token.accountId(),
                    token.expiresAt());
        } catch (InvalidTokenException e) {
            return new TokenStatus(false, e.getMessage(), null, null, null, null);
        }
    }

    @PostMapping("/internal/installations/{id}/tokens")
    SelfToken selfToken(@PathVariable String id, @RequestBody SelfToken request) {
        String token = tokens.issueSelfToken(request.smartAppId(), id, request.accountId(), request.locationId(),
                request.serverName());
        return new SelfToken(request.smartAppId(), request.accountId(), request.locationId(), request.serverName(),
                token);
    }

    @DeleteMapping("/internal/installations/{id}/tokens")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeSelfTokens(@PathVariable String id) {
        tokens.revokeSelfTokens(id);
    }
}
