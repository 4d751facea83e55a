package hearth.modern;

import hearth.account.CurrentAccount;
import hearth.oauth.Scopes;
import hearth.smartapp.SmartAppService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/api-clients}: registers an API-only OAuth client (management API: HTTP Basic or the session). */
@RestController
public class ApiClientController {
    private final ApiClients clients;
    private final CurrentAccount current;

    public ApiClientController(ApiClients clients, CurrentAccount current) {
        this.clients = clients;
        this.current = current;
    }

    /** The client secret is in this answer only; the app is then managed as any SmartApp (/api/smartapps/{id}). */
    @PostMapping("/api/api-clients")
    public ResponseEntity<Map<String, Object>> register(@RequestBody ApiClients.Registration registration) {
        SmartAppService.Registered registered = clients.register(current.id(), registration);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", registered.app().id());
        body.put("name", registered.app().name());
        body.put("clientId", registered.app().clientId());
        if (registered.clientSecret() != null) {
            body.put("clientSecret", registered.clientSecret());
        }
        body.put("redirectUris", registered.app().redirectUris());
        body.put("scopes", Scopes.of(registration.scopes()).granted());
        body.put("publicClient", registered.app().publicClient());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(body);
    }
}
