package hearth.smartapp;

import hearth.account.CurrentAccount;
import hearth.smartapp.SmartAppService.Changes;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
public class SmartAppController {
    private final SmartAppService apps;
    private final CurrentAccount current;

    public SmartAppController(SmartAppService apps, CurrentAccount current) {
        this.apps = apps;
        this.current = current;
    }

    @PostMapping("/api/smartapps")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> register(@RequestBody Changes request) {
        SmartAppService.Registered registered = apps.register(current.id(), request);
        Map<String, Object> body = view(registered.app());
        if (registered.clientSecret() != null) {
            body.put("clientSecret", registered.clientSecret());
        }
        return body;
    }

    @GetMapping("/api/smartapps")
    public List<Map<String, Object>> list() {
        return apps.ownedBy(current.id()).stream().map(SmartAppController::view).toList();
    }

    @GetMapping("/api/smartapps/{id}")
    public Map<String, Object> get(@PathVariable String id) {
        Map<String, Object> body = view(apps.owned(current.id(), id));
        body.put("source", apps.owned(current.id(), id).source());
        return body;
    }

    @PutMapping("/api/smartapps/{id}")
    public Map<String, Object> update(@PathVariable String id, @RequestBody Changes request) {
        return view(apps.update(current.id(), id, request));
    }

    /**
     * Rotates the secret; with {@code {"revokeTokens": true}} also revokes every token the app
     * holds: one call for a vendor who was breached.
     */
    @PostMapping("/api/smartapps/{id}/secret")
    public Map<String, Object> rotateSecret(@PathVariable String id,
                                            @RequestBody(required = false) RotateSecret request) {
        String secret = apps.rotateSecret(current.id(), id);
        if (request != null && Boolean.TRUE.equals(request.revokeTokens())) {
            apps.revokeAllTokens(current.id(), id);
        }
        Map<String, Object> body = view(apps.owned(current.id(), id));
        body.put("clientSecret", secret);
        return body;
    }

    @DeleteMapping("/api/smartapps/{id}/tokens")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revokeTokens(@PathVariable String id) {
        apps.revokeAllTokens(current.id(), id);
    }

    public record RotateSecret(Boolean revokeTokens) {
    }

    private static Map<String, Object> view(SmartAppRecord app) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", app.id());
        body.put("name", app.name());
        body.put("namespace", app.namespace());
        body.put("clientId", app.clientId());
        body.put("redirectUris", app.redirectUris());
        body.put("servers", app.servers());
        body.put("accessTokenTtlSeconds", app.accessTokenTtl().getSeconds());
        body.put("refreshTokenTtlSeconds", app.refreshTokenTtl().getSeconds());
        body.put("legacyTokens", app.accessTokenTtl().equals(SmartAppService.LEGACY_TOKEN_TTL));
        body.put("publicClient", app.publicClient());
        body.put("createdAt", app.createdAt());
        body.put("updatedAt", app.updatedAt());
        return body;
    }
}
