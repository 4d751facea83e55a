package hearth.api;

import hearth.installation.Installation;
import hearth.installation.InstallationRepository;
import hearth.location.Location;
import hearth.location.LocationRepository;
import hearth.oauth.TokenRecord;
import hearth.oauth.TokenService;
import hearth.server.PublicUrls;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/smartapps/endpoints}: where the token's Installation answers. The classic
 * shape, field for field, except that the client secret is never sent back.
 */
@RestController
public class EndpointsController {
    public static final String INSTALLATIONS_PATH = "/api/smartapps/installations/";

    private final TokenService tokens;
    private final InstallationRepository installations;
    private final LocationRepository locations;
    private final SmartAppService apps;
    private final PublicUrls urls;

    public EndpointsController(TokenService tokens, InstallationRepository installations, LocationRepository locations,
                               SmartAppService apps, PublicUrls urls) {
        this.tokens = tokens;
        this.installations = installations;
        this.locations = locations;
        this.apps = apps;
        this.urls = urls;
    }

    @GetMapping("/api/smartapps/endpoints")
    public List<Map<String, Object>> endpoints(HttpServletRequest request) {
        TokenRecord token = tokens.authenticate(BearerTokens.extract(request));
        Installation installation = installations.findById(token.installationId()).orElse(null);
        if (installation == null) {
            return List.of();
        }
        SmartAppRecord app = apps.byId(installation.smartAppId()).orElseThrow();
        Location location = locations.findById(installation.locationId()).orElseThrow();
        String base = urls.baseUrl(request);
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", app.clientId());
        client.put("authorizedGrantTypes", "authorization_code");
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("id", location.id());
        where.put("name", location.name());
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("oauthClient", client);
        endpoint.put("location", where);
        endpoint.put("uri", base + INSTALLATIONS_PATH + installation.id());
        endpoint.put("base_url", base);
        endpoint.put("url", INSTALLATIONS_PATH + installation.id());
        return List.of(endpoint);
    }
}
