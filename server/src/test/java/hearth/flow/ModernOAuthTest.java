package hearth.flow;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import hearth.support.Http;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** What the classic platform lacked: refresh, PKCE, revocation, introspection, device grant, audit. */
class ModernOAuthTest extends HearthTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("modern");
        registry.add("hearth.data-dir", () -> dir);
    }

    private HttpResponse<String> refresh(Fixture f, String refreshToken) {
        return http().postForm("/oauth/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                "Authorization", Http.basic(f.clientId(), f.clientSecret()));
    }

    private int endpointsStatus(String accessToken) {
        return http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + accessToken).statusCode();
    }

    @Test
    void metadataDescribesEveryEndpoint() {
        JsonNode m = json(http().get("/.well-known/oauth-authorization-server"));
        assertThat(m.get("issuer").asText()).isEqualTo(base());
        assertThat(m.get("authorization_endpoint").asText()).isEqualTo(base() + "/oauth/authorize");
        assertThat(m.get("token_endpoint").asText()).isEqualTo(base() + "/oauth/token");
        assertThat(m.get("revocation_endpoint").asText()).isEqualTo(base() + "/oauth/revoke");
        assertThat(m.get("introspection_endpoint").asText()).isEqualTo(base() + "/oauth/introspect");
        assertThat(m.get("device_authorization_endpoint").asText()).isEqualTo(base() + "/oauth/device_authorization");
        assertThat(m.get("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(m.get("grant_types_supported").toString()).contains("refresh_token")
                .contains("urn:ietf:params:oauth:grant-type:device_code");
    }

    @Test
    void refreshTokensRotateAndAReuseRevokesTheGrant() {
        Fixture f = fixture();
        JsonNode first = json(exchange(f, authorize(f, Map.of("switches", List.of(f.lampId())))));
        HttpResponse<String> refreshed = refresh(f, first.get("refresh_token").asText());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode second = json(refreshed);
        assertThat(second.get("refresh_token").asText()).isNotEqualTo(first.get("refresh_token").asText());
        assertThat(endpointsStatus(second.get("access_token").asText())).isEqualTo(200);

        // Presented again at once (its answer was lost): the same pair, not a theft.
        HttpResponse<String> retried = refresh(f, first.get("refresh_token").asText());
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(json(retried).get("access_token").asText()).isEqualTo(second.get("access_token").asText());
        assertThat(json(retried).get("refresh_token").asText()).isEqualTo(second.get("refresh_token").asText());

        // Past the grace window (30 s) a reuse is a leak: the whole grant goes.
        clock.advance(Duration.ofSeconds(31));
        HttpResponse<String> reused = refresh(f, first.get("refresh_token").asText());
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(json(reused).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(reused).get("error_description").asText()).contains("already used");
        assertThat(endpointsStatus(second.get("access_token").asText())).isEqualTo(401);
        assertThat(refresh(f, second.get("refresh_token").asText()).statusCode()).isEqualTo(400);
    }

    @Test
    void accessTokensExpireAndSayWhatToDo() {
        Fixture f = fixture();
        String token = token(f);
        clock.advance(Duration.ofHours(25));
        HttpResponse<String> expired = http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + token);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).get("error_description").asText()).contains("expired 1 hour ago")
                .contains("refresh token");
    }

    @Test
    void legacyLongLivedTokensLastFiftyYearsWithoutRefresh() {
        Fixture f = fixture(resource("apps/flow-test.groovy"), List.of("*"), Map.of("legacyTokens", true));
        JsonNode token = json(exchange(f, authorize(f, Map.of("switches", List.of(f.lampId())))));
        assertThat(token.get("expires_in").asLong()).isEqualTo(1_576_800_000L);
        assertThat(token.has("refresh_token")).isFalse();
    }

    @Test
    void pkceIsVerifiedAndPlainIsRefused() {
        Fixture f = fixture();
        CodeVerifier verifier = new CodeVerifier();
        String challenge = CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue();
        String url = authorizeUrl(f, "p") + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        String code = authorize(f, url, Map.of("switches", List.of(f.lampId())));
        HttpResponse<String> wrong = http().postForm("/oauth/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", f.redirectUri(), "code_verifier", new CodeVerifier().getValue()),
                "Authorization", Http.basic(f.clientId(), f.clientSecret()));
        assertThat(json(wrong).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(wrong).get("error_description").asText()).contains("code_verifier");

        String again = authorize(f, url, Map.of("switches", List.of(f.lampId())));
        HttpResponse<String> right = http().postForm("/oauth/token", Map.of("grant_type", "authorization_code",
                "code", again, "redirect_uri", f.redirectUri(), "code_verifier", verifier.getValue()),
                "Authorization", Http.basic(f.clientId(), f.clientSecret()));
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);

        Http browser = http();
        signInAndFollow(browser, authorizeUrl(f, "p"), f.username(), f.password());
        HttpResponse<String> plain = browser.get(authorizeUrl(f, "p2") + "&code_challenge=" + challenge
                + "&code_challenge_method=plain");
        assertThat(plain.statusCode()).isEqualTo(302);
        Map<String, String> error = Http.query(plain.headers().firstValue("Location").orElseThrow());
        assertThat(error).containsEntry("error", "invalid_request").containsEntry("iss", base());
        assertThat(error.get("error_description")).contains("S256");
    }

    @Test
    void publicClientsNeedPkceAndNoSecret() {
        Fixture f = fixture(resource("apps/flow-test.groovy"), List.of("*"), Map.of("publicClient", true));
        assertThat(f.clientSecret()).isNull();
        Http browser = http();
        signInAndFollow(browser, authorizeUrl(f, "s"), f.username(), f.password());
        HttpResponse<String> noPkce = browser.get(authorizeUrl(f, "s"));
        assertThat(Http.query(noPkce.headers().firstValue("Location").orElseThrow()).get("error_description"))
                .contains("PKCE");

        CodeVerifier verifier = new CodeVerifier();
        String url = authorizeUrl(f, "s") + "&code_challenge="
                + CodeChallenge.compute(CodeChallengeMethod.S256, verifier).getValue() + "&code_challenge_method=S256";
        String code = authorize(f, url, Map.of("switches", List.of(f.lampId())));
        HttpResponse<String> token = http().postForm("/oauth/token", Map.of("grant_type", "authorization_code",
                "code", code, "client_id", f.clientId(), "redirect_uri", f.redirectUri(),
                "code_verifier", verifier.getValue()));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    }

    @Test
    void revokingAnAccessTokenEndsOnlyIt_aRefreshTokenEndsTheGrant() {
        Fixture f = fixture();
        JsonNode first = json(exchange(f, authorize(f, Map.of("switches", List.of(f.lampId())))));
        String basic = Http.basic(f.clientId(), f.clientSecret());
        HttpResponse<String> revoked = http().postForm("/oauth/revoke", Map.of("token",
                first.get("access_token").asText(), "token_type_hint", "access_token"), "Authorization", basic);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(endpointsStatus(first.get("access_token").asText())).isEqualTo(401);
        JsonNode second = json(refresh(f, first.get("refresh_token").asText()));
        assertThat(endpointsStatus(second.get("access_token").asText())).isEqualTo(200);

        http().postForm("/oauth/revoke", Map.of("token", second.get("refresh_token").asText()), "Authorization", basic);
        assertThat(endpointsStatus(second.get("access_token").asText())).isEqualTo(401);
        assertThat(http().postForm("/oauth/revoke", Map.of("token", "unknown"), "Authorization", basic).statusCode())
                .isEqualTo(200);
    }

    @Test
    void introspectionTellsAClientAboutItsOwnTokensOnly() {
        Fixture f = fixture();
        Fixture other = fixture();
        String token = token(f);
        HttpResponse<String> mine = http().postForm("/oauth/introspect", Map.of("token", token),
                "Authorization", Http.basic(f.clientId(), f.clientSecret()));
        JsonNode body = json(mine);
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("client_id").asText()).isEqualTo(f.clientId());
        assertThat(body.get("scope").asText()).isEqualTo("app");
        assertThat(body.get("exp").asLong()).isGreaterThan(body.get("iat").asLong());
        assertThat(body.get("installation_id").asText()).isNotBlank();

        HttpResponse<String> theirs = http().postForm("/oauth/introspect", Map.of("token", token),
                "Authorization", Http.basic(other.clientId(), other.clientSecret()));
        assertThat(theirs.body()).isEqualTo("{\"active\":false}");
        HttpResponse<String> anonymous = http().postForm("/oauth/introspect", Map.of("token", token));
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void theDeviceGrantWorksFromCodeToToken() {
        Fixture f = fixture();
        String basic = Http.basic(f.clientId(), f.clientSecret());
        JsonNode start = json(http().postForm("/oauth/device_authorization", Map.of("scope", "app"),
                "Authorization", basic));
        String deviceCode = start.get("device_code").asText();
        assertThat(start.get("verification_uri").asText()).isEqualTo(base() + "/device");
        assertThat(start.get("user_code").asText()).matches("[A-Z]{4}-[A-Z]{4}");
        Map<String, String> poll = Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", deviceCode);
        assertThat(json(http().postForm("/oauth/token", poll, "Authorization", basic)).get("error").asText())
                .isEqualTo("authorization_pending");
        JsonNode slowDown = json(http().postForm("/oauth/token", poll, "Authorization", basic));
        assertThat(slowDown.get("error").asText()).isEqualTo("slow_down");
        assertThat(slowDown.get("error_description").asText()).contains("every 10 seconds");
        clock.advance(Duration.ofSeconds(6));
        assertThat(json(http().postForm("/oauth/token", poll, "Authorization", basic)).get("error").asText())
                .as("6 s is too soon once the interval is 10 s").isEqualTo("slow_down");
        clock.advance(Duration.ofSeconds(16));
        assertThat(json(http().postForm("/oauth/token", poll, "Authorization", basic)).get("error").asText())
                .isEqualTo("authorization_pending");

        Http browser = http();
        HttpResponse<String> page = signInAndFollow(browser, "/device", f.username(), f.password(), "/device");
        HttpResponse<String> typed = browser.postForm("/device", Map.of("user_code",
                start.get("user_code").asText().toLowerCase(), "_csrf", Http.csrf(page.body())));
        // RFC 8628 §5.4: the page repeats the code and says who asks before anything is chosen.
        assertThat(typed.statusCode()).isEqualTo(200);
        assertThat(typed.body()).contains("Is this your device?").contains(start.get("user_code").asText())
                .contains("Flow Test").contains("the Hearth account <strong>" + f.username() + "</strong>");
        HttpResponse<String> consentPage = browser.get("/oauth/authorize/continue?request="
                + Http.requestId(typed.body()));
        assertThat(consentPage.body()).contains(start.get("user_code").asText());
        HttpResponse<String> done = consent(browser, consentPage, Map.of("switches", List.of(f.lampId())), "allow");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Your device is connected");

        clock.advance(Duration.ofSeconds(16));
        HttpResponse<String> tokens = http().postForm("/oauth/token", poll, "Authorization", basic);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(endpointsStatus(json(tokens).get("access_token").asText())).isEqualTo(200);
        clock.advance(Duration.ofSeconds(6));
        assertThat(json(http().postForm("/oauth/token", poll, "Authorization", basic)).get("error").asText())
                .isEqualTo("invalid_grant");
    }

    @Test
    void aBreachedVendorRotatesAndRevokesInOneCall() {
        Fixture f = fixture();
        String token = token(f);
        HttpResponse<String> rotated = http().postJson("/api/smartapps/" + f.appId() + "/secret",
                Map.of("revokeTokens", true), "Authorization", f.basic());
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(json(rotated).get("clientSecret").asText()).isNotEqualTo(f.clientSecret());
        assertThat(endpointsStatus(token)).isEqualTo(401);
    }

    @Test
    void logOutEverywhereRevokesEveryTokenOfTheAccount() {
        Fixture f = fixture();
        String first = token(f);
        String second = token(f);
        HttpResponse<String> out = http().postJson("/api/accounts/me/logout-everywhere", Map.of(),
                "Authorization", f.basic());
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(endpointsStatus(first)).isEqualTo(401);
        assertThat(endpointsStatus(second)).isEqualTo(401);
    }

    @Test
    void theAuditLogRecordsSecurityEventsForTheirOwner() {
        Fixture f = fixture();
        String code = authorize(f, Map.of("switches", List.of(f.lampId())));
        exchange(f, code);
        exchange(f, code);
        http().get("/api/locations", "Authorization", Http.basic(f.username(), "wrong password"));
        JsonNode events = json(http().get("/api/audit", "Authorization", f.basic()));
        assertThat(events.findValuesAsString("type")).contains("LOGIN_SUCCEEDED", "CONSENT_GRANTED", "TOKEN_ISSUED",
                "CODE_REPLAYED", "TOKEN_REVOKED", "LOGIN_FAILED");
        assertThat(events.toString()).doesNotContain(code);
    }

    @Test
    void repeatedWrongPasswordsAreThrottled() {
        Fixture f = fixture();
        for (int i = 0; i < 5; i++) {
            assertThat(http().get("/api/locations", "Authorization", Http.basic(f.username(), "nope")).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> throttled = http().get("/api/locations", "Authorization", f.basic());
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        Http browser = http();
        HttpResponse<String> login = browser.get("/login");
        HttpResponse<String> form = browser.postForm("/login", Map.of("username", f.username(), "password",
                f.password(), "_csrf", Http.csrf(login.body())));
        assertThat(form.headers().firstValue("Location").orElse("")).contains("throttled");
    }

    @Test
    void loopbackRedirectUrisMatchOnAnyPort() {
        Fixture f = fixture();
        HttpResponse<String> update = http().putJson("/api/smartapps/" + f.appId(),
                Map.of("redirectUris", List.of("http://127.0.0.1/callback")), "Authorization", f.basic());
        assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
        Http browser = http();
        String url = "/oauth/authorize?response_type=code&client_id=" + f.clientId() + "&redirect_uri="
                + Http.encode("http://127.0.0.1:53682/callback");
        HttpResponse<String> page = signInAndFollow(browser, url, f.username(), f.password());
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> otherPath = browser.get("/oauth/authorize?response_type=code&client_id=" + f.clientId()
                + "&redirect_uri=" + Http.encode("http://127.0.0.1:53682/elsewhere"));
        assertThat(otherPath.statusCode()).isEqualTo(400);
    }
}
