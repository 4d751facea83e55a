package hearth.oauth.metadata;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import hearth.oauth.TokenService;
import hearth.server.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** RFC 8414 authorization-server metadata, written by Nimbus. */
@RestController
public class MetadataEndpoint {
    private final PublicUrls urls;

    public MetadataEndpoint(PublicUrls urls) {
        this.urls = urls;
    }

    @GetMapping("/.well-known/oauth-authorization-server")
    public ResponseEntity<Map<String, Object>> metadata(HttpServletRequest request) {
        String base = urls.baseUrl(request);
        AuthorizationServerMetadata metadata = new AuthorizationServerMetadata(new Issuer(base));
        metadata.setAuthorizationEndpointURI(URI.create(base + "/oauth/authorize"));
        metadata.setTokenEndpointURI(URI.create(base + "/oauth/token"));
        metadata.setRevocationEndpointURI(URI.create(base + "/oauth/revoke"));
        metadata.setIntrospectionEndpointURI(URI.create(base + "/oauth/introspect"));
        metadata.setDeviceAuthorizationEndpointURI(URI.create(base + "/oauth/device_authorization"));
        metadata.setScopes(new Scope(TokenService.SCOPE));
        metadata.setResponseTypes(List.of(ResponseType.CODE));
        metadata.setResponseModes(List.of(ResponseMode.QUERY));
        metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN, GrantType.DEVICE_CODE));
        List<ClientAuthenticationMethod> auth = List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.NONE);
        metadata.setTokenEndpointAuthMethods(auth);
        metadata.setRevocationEndpointAuthMethods(auth);
        metadata.setIntrospectionEndpointAuthMethods(auth.subList(0, 2));
        metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
        metadata.setSupportsAuthorizationResponseIssuerParam(true);
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(metadata.toJSONObject());
    }
}
