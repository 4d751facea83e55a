package hearth.api;

import hearth.location.Location;
import hearth.location.LocationRepository;
import hearth.oauth.Grant;
import hearth.oauth.TokenRecord;
import hearth.oauth.TokenWithGrant;
import hearth.oauth.TokenService;
import hearth.server.ServerDirectory;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
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
    private final LocationRepository locations;
    private final SmartAppService apps;
    private final ServerDirectory servers;

    public EndpointsController(TokenService tokens, LocationRepository locations,
                               SmartAppService apps, ServerDirectory servers) {
        this.tokens = tokens;
        this.locations = locations;
        this.apps = apps;
        this.servers = servers;
    }

    @GetMapping("/api/smartapps/endpoints")
    public List<Map<String, Object>> endpoints(HttpServletRequest request) {
        TokenWithGrant found = tokens.authenticateWithGrant(BearerTokens.extract(request));
        TokenRecord token = found.token();
        Grant grant = found.grant();
        Location location = locations.findById(grant.locationId()).orElse(null);
        SmartAppRecord app = apps.clientById(token.smartAppId()).orElse(null);
        if (location == null || app == null) {
            return List.of();
        }
        String base = servers.baseUrl(grant.serverName(), request);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", app.clientId());
        client.put("authorizedGrantTypes", "authorization_code");
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("id", location.id());
        where.put("name", location.name());
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("oauthClient", client);
        endpoint.put("location", where);
        endpoint.put("uri", base + INSTALLATIONS_PATH + token.installationId());
        endpoint.put("base_url", base);
        endpoint.put("url", INSTALLATIONS_PATH + token.installationId());
        return List.of(endpoint);
    }
}
