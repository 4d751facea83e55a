package hearth.oauth.token;

import hearth.oauth.OAuthException;
import hearth.oauth.client.TokenParameters;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenRequestConverterTest {

    private static TokenRequest convert(Map<String, String> parameters) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth/token");
        parameters.forEach(request::addParameter);
        TokenParameters params = TokenParameters.from(request);
        return TokenRequestConverter.convert(TokenRequestConverter.grantType(params), params);
    }

    @Test
    void convertWhenCodeGrantThenTypedWithItsOptionalParameters() {
        assertThat(convert(Map.of("grant_type", "authorization_code", "code", "c", "redirect_uri", "https://a/cb")))
                .isEqualTo(new TokenRequest.AuthorizationCode("c", "https://a/cb", null));
    }

    @Test
    void convertWhenClassicSpellingsThenTheSameCodeGrant() {
        assertThat(convert(Map.of("grant_type", "code", "authorization_code", "c")))
                .isEqualTo(new TokenRequest.AuthorizationCode("c", null, null));
    }

    @Test
    void convertWhenRefreshOrDeviceGrantThenTheirTypes() {
        assertThat(convert(Map.of("grant_type", "refresh_token", "refresh_token", "r", "scope", "app")))
                .isEqualTo(new TokenRequest.RefreshToken("r", "app"));
        assertThat(convert(Map.of("grant_type", TokenRequestConverter.DEVICE_CODE, "device_code", "d")))
                .isEqualTo(new TokenRequest.DeviceCode("d"));
    }

    @Test
    void convertWhenARequiredParameterIsMissingThenInvalidRequestNamingIt() {
        assertThatThrownBy(() -> convert(Map.of("grant_type", "authorization_code")))
                .isInstanceOf(OAuthException.class).hasMessageContaining("'code' is missing");
        assertThatThrownBy(() -> convert(Map.of("code", "c"))).isInstanceOf(OAuthException.class)
                .hasMessageContaining("'grant_type' is missing");
    }

    @Test
    void convertWhenGrantTypeIsUnknownThenUnsupportedGrantType() {
        assertThatThrownBy(() -> convert(Map.of("grant_type", "password")))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error().getCode())
                        .isEqualTo("unsupported_grant_type"));
    }

    @Test
    void toStringWhenRequestsCarrySecretsThenTheyAreNotPrinted() {
        assertThat(new TokenRequest.AuthorizationCode("secret-code", null, "secret-verifier").toString())
                .doesNotContain("secret");
        assertThat(new TokenRequest.RefreshToken("secret-token", null).toString()).doesNotContain("secret");
        assertThat(new TokenRequest.DeviceCode("secret-device").toString()).doesNotContain("secret");
    }
}
