package hearth.api;

import hearth.oauth.Grant;
import hearth.oauth.TokenRecord;
import hearth.oauth.TokenService;
import hearth.oauth.TokenWithEndpoint;
import hearth.server.ServerDirectory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/smartapps/endpoints}: where the token's Installation answers, on the Server that
 * hosts its Location. The classic shape, field for field, except that the client secret is never
 * sent back.
 */
@RestController
public class EndpointsController {
    public static final String INSTALLATIONS_PATH = "/api/smartapps/installations/";

    private final TokenService tokens;
    private final ServerDirectory servers;

    public EndpointsController(TokenService tokens, ServerDirectory servers) {
        this.tokens = tokens;
        this.servers = servers;
    }

    @GetMapping("/api/smartapps/endpoints")
    public List<Map<String, Object>> endpoints(HttpServletRequest request) {
        TokenWithEndpoint found = tokens.authenticateWithEndpoint(BearerTokens.extract(request));
        TokenRecord token = found.token();
        Grant grant = found.grant();
        if (found.locationId() == null || found.clientId() == null) {
            return List.of();
        }
        String base = servers.baseUrl(grant.serverName(), request);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", found.clientId());
        client.put("authorizedGrantTypes", "authorization_code");
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("id", found.locationId());
        where.put("name", found.locationName());
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("oauthClient", client);
        endpoint.put("location", where);
        endpoint.put("uri", base + INSTALLATIONS_PATH + token.installationId());
        endpoint.put("base_url", base);
        endpoint.put("url", INSTALLATIONS_PATH + token.installationId());
        return List.of(endpoint);
    }
}
