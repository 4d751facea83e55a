package hearth.oauth.device;

import hearth.oauth.ClientScopes;
import hearth.oauth.client.ClientAuthenticator;
import hearth.oauth.client.TokenParameters;
import hearth.server.PublicUrls;
import hearth.smartapp.SmartAppRecord;
import hearth.support.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 8628 §3.1-3.2: a TV, CLI or voice device asks for a device code and a user code; the user
 * approves on another screen at {@code /device}.
 */
@RestController
public class DeviceAuthorizationEndpoint {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final Duration INTERVAL = Duration.ofSeconds(5);

    private final ClientAuthenticator clients;
    private final DeviceAuthorizationRepository authorizations;
    private final PublicUrls urls;
    private final ClientScopes scopes;
    private final Clock clock;

    public DeviceAuthorizationEndpoint(ClientAuthenticator clients, DeviceAuthorizationRepository authorizations,
                                       PublicUrls urls, ClientScopes scopes, Clock clock) {
        this.scopes = scopes;
        this.clients = clients;
        this.authorizations = authorizations;
        this.urls = urls;
        this.clock = clock;
    }

    @PostMapping("/oauth/device_authorization")
    public ResponseEntity<Map<String, Object>> authorize(HttpServletRequest request) {
        TokenParameters parameters = TokenParameters.from(request);
        SmartAppRecord client = clients.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION), parameters);
        String scope = scopes.resolve(client, parameters.get("scope"));
        Instant now = clock.instant();
        String deviceCode = Secrets.newSecret();
        String userCode = insert(client, scope, deviceCode, now);
        String verification = urls.baseUrl(request) + "/device";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device_code", deviceCode);
        body.put("user_code", UserCodes.display(userCode));
        body.put("verification_uri", verification);
        body.put("verification_uri_complete", verification + "?user_code=" + UserCodes.display(userCode));
        body.put("expires_in", LIFETIME.getSeconds());
        body.put("interval", INTERVAL.getSeconds());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private String insert(SmartAppRecord client, String scope, String deviceCode, Instant now) {
        for (int attempt = 0; ; attempt++) {
            String userCode = UserCodes.generate();
            try {
                authorizations.insert(new DeviceAuthorization(Secrets.sha256Hex(deviceCode), userCode, client.id(),
                        scope, DeviceAuthorization.Status.PENDING, null, now, now.plus(LIFETIME), null,
                        (int) INTERVAL.getSeconds()));
                return userCode;
            } catch (DuplicateKeyException taken) {
                if (attempt == 5) {
                    throw taken;
                }
            }
        }
    }
}
