package hearth.oauth.token;

import hearth.oauth.IssuedTokens;
import hearth.oauth.client.TokenParameters;
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
 * classic platform accepted. HTTP in and out only: {@link TokenExchange} authenticates the client,
 * the converter makes the typed request, and its grant holds the rules, in one transaction.
 */
@RestController
public class TokenEndpoint {
    private final TokenExchange exchange;

    public TokenEndpoint(TokenExchange exchange) {
        this.exchange = exchange;
    }

    @RequestMapping(path = "/oauth/token", method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
        TokenParameters parameters = TokenParameters.from(request);
        String grantType = TokenRequestConverter.grantType(parameters);
        IssuedTokens issued = exchange.exchange(grantType, request.getHeader(HttpHeaders.AUTHORIZATION), parameters);
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
