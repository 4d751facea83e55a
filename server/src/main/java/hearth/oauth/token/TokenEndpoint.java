package hearth.oauth.token;

import hearth.oauth.IssuedTokens;
import hearth.oauth.OAuthException;
import hearth.oauth.client.ClientAuthenticator;
import hearth.oauth.client.TokenParameters;
import hearth.oauth.device.DeviceCodeGrant;
import hearth.smartapp.SmartAppRecord;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /oauth/token}: POST as RFC 6749 says, and GET with the same query parameters, as the
 * classic platform accepted. HTTP in and out only; the grants hold the rules.
 */
@RestController
public class TokenEndpoint {
    private static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";
    private final ClientAuthenticator clients;
    private final AuthorizationCodeGrant codeGrant;
    private final RefreshTokenGrant refreshGrant;
    private final DeviceCodeGrant deviceGrant;

    public TokenEndpoint(ClientAuthenticator clients, AuthorizationCodeGrant codeGrant, RefreshTokenGrant refreshGrant,
                         DeviceCodeGrant deviceGrant) {
        this.clients = clients;
        this.codeGrant = codeGrant;
        this.refreshGrant = refreshGrant;
        this.deviceGrant = deviceGrant;
    }

    @RequestMapping(path = "/oauth/token", method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
        TokenParameters parameters = TokenParameters.from(request);
        String grantType = parameters.require("grant_type",
                "send grant_type=authorization_code (or refresh_token)");
        SmartAppRecord client = clients.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION), parameters);
        IssuedTokens issued = switch (grantType) {
            case "authorization_code" -> codeGrant.exchange(client,
                    parameters.require("code", "send the code that /oauth/authorize put on your redirect URI"),
                    parameters.get("redirect_uri").orElse(null), parameters.get("code_verifier").orElse(null));
            case "refresh_token" -> refreshGrant.refresh(client,
                    parameters.require("refresh_token", "send the refresh_token of the last token response"),
                    parameters.get("scope").orElse(null));
            case DEVICE_CODE -> deviceGrant.exchange(client,
                    parameters.require("device_code", "send the device_code from /oauth/device_authorization"));
            default -> throw OAuthException.unsupportedGrantType("grant_type '" + grantType + "' is not supported; "
                    + "use authorization_code, refresh_token or " + DEVICE_CODE);
        };
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .body(body(issued));
    }

    /** The classic response, field for field: {@code token_type} is lower-case "bearer" as old clients expect. */
    private static Map<String, Object> body(IssuedTokens issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("token_type", "bearer");
        body.put("expires_in", issued.accessTokenTtl().getSeconds());
        body.put("scope", issued.scope());
        if (issued.refreshToken() != null) {
            body.put("refresh_token", issued.refreshToken());
        }
        return body;
    }
}
