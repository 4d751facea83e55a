package hearth.flow;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import hearth.support.Http;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real, standards-following OAuth client library (Nimbus OAuth 2.0 SDK, client side) against
 * Hearth: discovery, authorization code with PKCE, refresh with rotation, introspection and
 * revocation, each message built and parsed by the library, not by us.
 */
class StandardClientTest extends HearthTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("client");
        registry.add("hearth.data-dir", () -> dir);
    }

    @Test
    void nimbusClientRunsTheWholeModernFlow() throws Exception {
        Fixture f = fixture();
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(base()));
        assertThat(metadata.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);

        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        URI redirectUri = URI.create(f.redirectUri());
        URI authorize = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new ClientID(f.clientId())).scope(new Scope("app")).redirectionURI(redirectUri).state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .endpointURI(metadata.getAuthorizationEndpointURI()).build().toURI();

        Http browser = http();
        HttpResponse<String> page = signInAndFollow(browser, authorize.toString(), f.username(), f.password());
        HttpResponse<String> redirect = consent(browser, page, Map.of("switches", List.of(f.lampId())), "allow");
        AuthorizationResponse response = AuthorizationResponse.parse(
                URI.create(redirect.headers().firstValue("Location").orElseThrow()));
        assertThat(response.indicatesSuccess()).isTrue();
        assertThat(response.getState()).isEqualTo(state);
        assertThat(response.getIssuer()).isEqualTo(metadata.getIssuer());
        AuthorizationSuccessResponse success = response.toSuccessResponse();

        ClientAuthentication client = new ClientSecretBasic(new ClientID(f.clientId()), new Secret(f.clientSecret()));
        Tokens tokens = tokens(new TokenRequest(metadata.getTokenEndpointURI(), client,
                new AuthorizationCodeGrant(success.getAuthorizationCode(), redirectUri, verifier)));
        assertThat(tokens.getRefreshToken()).isNotNull();
        assertThat(introspect(metadata, client, tokens).isActive()).isTrue();

        Tokens refreshed = tokens(new TokenRequest(metadata.getTokenEndpointURI(), client,
                new RefreshTokenGrant(tokens.getRefreshToken())));
        assertThat(refreshed.getRefreshToken()).isNotEqualTo(tokens.getRefreshToken());
        TokenIntrospectionSuccessResponse active = introspect(metadata, client, refreshed);
        assertThat(active.isActive()).isTrue();
        assertThat(active.getClientID()).isEqualTo(new ClientID(f.clientId()));
        assertThat(active.getScope()).isEqualTo(new Scope("app"));

        HTTPResponse revoked = new TokenRevocationRequest(metadata.getRevocationEndpointURI(), client,
                refreshed.getRefreshToken()).toHTTPRequest().send();
        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(introspect(metadata, client, refreshed).isActive()).isFalse();
    }

    private static Tokens tokens(TokenRequest request) throws Exception {
        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
        if (!response.indicatesSuccess()) {
            throw new AssertionError("token request failed: " + response.toErrorResponse().getErrorObject());
        }
        AccessTokenResponse success = response.toSuccessResponse();
        return success.getTokens();
    }

    private static TokenIntrospectionSuccessResponse introspect(AuthorizationServerMetadata metadata,
                                                                ClientAuthentication client, Tokens tokens)
            throws Exception {
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                metadata.getIntrospectionEndpointURI(), client, tokens.getAccessToken()).toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).isTrue();
        return response.toSuccessResponse();
    }
}
