package hearth.flow;

import hearth.HearthProperties;
import hearth.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classic web-services flow of SPEC §2, end to end over HTTP, with every error a classic
 * user met. Runs once per database (see the subclasses).
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ClassicFlowContract extends HearthTestBase {
    @Autowired
    HearthProperties properties;

    @Test
    void classicFlowWorksEndToEndAndLeaksNoSecret(CapturedOutput output) {
        Fixture f = fixture();
        String code = authorize(f, Map.of("switches", List.of(f.lampId(), f.kitchenId())));

        HttpResponse<String> tokenResponse = exchange(f, code);
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        assertThat(tokenResponse.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode token = json(tokenResponse);
        assertThat(token.get("token_type").asText()).isEqualTo("bearer");
        assertThat(token.get("scope").asText()).isEqualTo("app");
        assertThat(token.get("expires_in").asLong()).isPositive();
        assertThat(token.get("refresh_token").asText()).isNotBlank();
        String accessToken = token.get("access_token").asText();

        HttpResponse<String> endpoints = http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + accessToken);
        assertThat(endpoints.statusCode()).isEqualTo(200);
        JsonNode endpoint = json(endpoints).get(0);
        assertThat(endpoint.get("oauthClient").get("clientId").asText()).isEqualTo(f.clientId());
        assertThat(endpoint.get("oauthClient").get("authorizedGrantTypes").asText()).isEqualTo("authorization_code");
        assertThat(endpoint.get("location").get("id").asText()).isEqualTo(f.locationId());
        assertThat(endpoint.get("location").get("name").asText()).isEqualTo("Home");
        assertThat(endpoints.body()).doesNotContain("clientSecret").doesNotContain(f.clientSecret());
        String uri = endpoint.get("uri").asText();
        assertThat(endpoint.get("base_url").asText()).isEqualTo(base());
        assertThat(uri).isEqualTo(base() + endpoint.get("url").asText());
        assertThat(endpoint.get("url").asText()).startsWith("/api/smartapps/installations/");

        HttpResponse<String> switches = http().get(uri + "/switches", "Authorization", "Bearer " + accessToken);
        assertThat(switches.statusCode()).as(switches.body()).isEqualTo(200);
        assertThat(switches.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode list = json(switches);
        assertThat(list).hasSize(2);
        assertThat(list.findValuesAsString("name")).containsExactlyInAnyOrder("Lamp", "Kitchen");
        assertThat(list.findValuesAsString("value")).containsOnly("off");
        assertThat(switches.body()).doesNotContain(f.lockId());

        HttpResponse<String> on = http().send("PUT", uri + "/switches/on", null, "Authorization", "Bearer " + accessToken);
        assertThat(on.statusCode()).as(on.body()).isEqualTo(204);
        HttpResponse<String> lamp = http().get("/api/devices/" + f.lampId(), "Authorization", f.basic());
        assertThat(json(lamp).get("attributes").get("switch").get("value").asText()).isEqualTo("on");

        // The classic query parameter works as well as the header.
        HttpResponse<String> viaQuery = http().get(uri + "/switches?access_token=" + accessToken);
        assertThat(viaQuery.statusCode()).isEqualTo(200);
        assertThat(json(viaQuery).findValuesAsString("value")).containsOnly("on");

        assertThat(output.getAll()).doesNotContain(accessToken).doesNotContain(code)
                .doesNotContain(f.clientSecret()).doesNotContain(f.password())
                .doesNotContain(token.get("refresh_token").asText());
        // The access log records the request above, with access_token in its query, without the query.
        String accessLog = accessLog();
        assertThat(accessLog).contains("/switches").contains("/oauth/token").doesNotContain(accessToken)
                .doesNotContain(code).doesNotContain("access_token=");
    }

    private String accessLog() {
        try (Stream<Path> files = Files.list(Path.of(properties.dataDir(), "logs"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.toList()) {
                all.append(Files.readString(file));
            }
            return all.toString();
        } catch (IOException e) {
            throw new AssertionError("no access log under " + properties.dataDir(), e);
        }
    }

    @Test
    void tokenEndpointTakesGetBasicAuthAndTheLegacySpellings() {
        Fixture f = fixture();
        String code = authorize(f, Map.of("switches", List.of(f.lampId())));
        HttpResponse<String> viaGet = http().get("/oauth/token?grant_type=code&authorization_code=" + Http.encode(code)
                + "&redirect_uri=" + Http.encode(f.redirectUri()), "Authorization", Http.basic(f.clientId(),
                f.clientSecret()));
        assertThat(viaGet.statusCode()).as(viaGet.body()).isEqualTo(200);
        assertThat(json(viaGet).get("access_token").asText()).isNotBlank();

        String second = authorize(f, Map.of("switches", List.of(f.kitchenId())));
        HttpResponse<String> classicGet = http().get("/oauth/token?grant_type=authorization_code&client_id="
                + f.clientId() + "&client_secret=" + Http.encode(f.clientSecret()) + "&code=" + Http.encode(second)
                + "&redirect_uri=" + Http.encode(f.redirectUri()) + "&scope=app");
        assertThat(classicGet.statusCode()).as(classicGet.body()).isEqualTo(200);
    }

    @Test
    void endpointsAnswerEachTokenWithItsOwnInstallation() {
        Fixture f = fixture();
        JsonNode first = endpoint(token(f));
        JsonNode second = endpoint(secondInstallationToken(f));
        assertThat(first.get("uri").asText()).isNotEqualTo(second.get("uri").asText());
    }

    @Test
    void aTokenReachesOnlyItsOwnInstallation() {
        Fixture f = fixture();
        String mine = token(f);
        String otherUri = endpoint(token(fixture())).get("uri").asText();
        HttpResponse<String> response = http().get(otherUri + "/switches", "Authorization", "Bearer " + mine);
        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode body = json(response);
        assertThat(body.get("error").asBoolean()).isTrue();
        assertThat(body.get("type").asText()).isEqualTo("AccessDenied");
        assertThat(body.get("message").asText()).isNotBlank();
    }

    @Test
    void badTokensGetRfc6750Answers() {
        Fixture f = fixture();
        String token = token(f);
        String uri = endpoint(token).get("uri").asText();

        HttpResponse<String> unknown = http().get("/api/smartapps/endpoints", "Authorization", "Bearer nope");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate").orElse(""))
                .startsWith("Bearer").contains("error=\"invalid_token\"");
        assertThat(json(unknown).get("error").asText()).isEqualTo("invalid_token");
        assertThat(json(unknown).get("error_description").asText()).isNotBlank();

        // The forum's own example used "Authorize:", and got a bare 401.
        HttpResponse<String> authorize = http().get("/api/smartapps/endpoints", "Authorize", "Bearer " + token);
        assertThat(authorize.statusCode()).isEqualTo(401);
        assertThat(json(authorize).get("error_description").asText()).contains("Authorization");

        HttpResponse<String> none = http().get(uri + "/switches");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }

    @Test
    void installationApiKeepsTheClassicDefaultsAndErrorBodies() {
        Fixture f = fixture();
        String token = token(f);
        String uri = endpoint(token).get("uri").asText();
        String[] auth = {"Authorization", "Bearer " + token};

        HttpResponse<String> notFound = http().get(uri + "/nowhere", auth);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(json(notFound).get("type").asText()).isEqualTo("SmartAppException");
        assertThat(json(notFound).get("message").asText()).isEqualTo("Not Found");
        assertThat(json(notFound).get("error").asBoolean()).isTrue();

        HttpResponse<String> wrongMethod = http().send("DELETE", uri + "/switches", null, auth);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).get("message").asText()).isEqualTo("Method Not Allowed");

        HttpResponse<String> httpError = http().send("PUT", uri + "/switches/dance", null, auth);
        assertThat(httpError.statusCode()).isEqualTo(400);
        assertThat(json(httpError).get("message").asText()).isEqualTo("unknown command dance");
        assertThat(json(httpError).get("type").asText()).isEqualTo("SmartAppException");

        HttpResponse<String> posted = http().postJson(uri + "/switches", Map.of("name", "hi"), auth);
        assertThat(posted.statusCode()).isEqualTo(201);
        assertThat(json(posted).get("received").asText()).isEqualTo("hi");

        HttpResponse<String> deleted = http().send("DELETE", uri + "/state", null, auth);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();

        HttpResponse<String> rendered = http().get(uri + "/render", auth);
        assertThat(rendered.statusCode()).isEqualTo(202);
        assertThat(rendered.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(rendered.body()).isEqualTo("hello");
        assertThat(rendered.headers().allValues("Content-Security-Policy")).hasSize(1).first().asString()
                .startsWith("sandbox");
        assertThat(rendered.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        // A textual type is sent in UTF-8 and says so; another type's text in ISO-8859-1, as Spring's converter did.
        HttpResponse<String> html = http().get(uri + "/render/html", auth);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase())
                .isEqualTo("text/html;charset=utf-8");
        assertThat(html.body()).isEqualTo("<p>Grüße ☃</p>");
        assertThat(html.headers().firstValue("Content-Length")).hasValue(
                Integer.toString("<p>Grüße ☃</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertThat(html.headers().allValues("X-Kind")).containsExactly("html");
        assertThat(html.headers().allValues("X-RateLimit-Limit")).hasSize(1);
        assertThat(html.headers().allValues("Content-Security-Policy")).hasSize(1);
        HttpResponse<String> latin = http().get(uri + "/render/latin", auth);
        assertThat(latin.headers().firstValue("Content-Type")).hasValue("application/x-latin");
        assertThat(latin.headers().firstValue("Content-Length")).hasValue("4");

        // Classic apps compare params.access_token with state.accessToken: it is there when sent so.
        assertThat(json(http().get(uri + "/token-check?access_token=" + token)).get("seen").asBoolean()).isTrue();
        assertThat(json(http().get(uri + "/token-check", auth)).get("seen").asBoolean()).isFalse();

        HttpResponse<String> crash = http().get(uri + "/crash", auth);
        assertThat(crash.statusCode()).isEqualTo(500);
        assertThat(json(crash).get("type").asText()).isEqualTo("IllegalStateException");
        assertThat(json(crash).get("message").asText()).isEqualTo("boom");
        assertThat(json(crash).get("error").asBoolean()).isTrue();
    }

    @Test
    void stateIsKeptPerInstallation() {
        Fixture f = fixture();
        String first = token(f);
        String second = secondInstallationToken(f);
        String uri1 = endpoint(first).get("uri").asText();
        String uri2 = endpoint(second).get("uri").asText();
        http().get(uri1 + "/state", "Authorization", "Bearer " + first);
        HttpResponse<String> again = http().get(uri1 + "/state", "Authorization", "Bearer " + first);
        assertThat(json(again).get("count").asInt()).isEqualTo(2);
        HttpResponse<String> other = http().get(uri2 + "/state", "Authorization", "Bearer " + second);
        assertThat(json(other).get("count").asInt()).isEqualTo(1);
    }

    @Test
    void anExpiredCodeSaysHowLongAgo() {
        Fixture f = fixture();
        String code = authorize(f, Map.of("switches", List.of(f.lampId())));
        clock.advance(Duration.ofHours(3));
        HttpResponse<String> response = exchange(f, code);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(response).get("error_description").asText())
                .contains("expired 2 hours ago").contains("request a new one");
    }

    @Test
    void aReplayedCodeRevokesTheTokensItIssued() {
        Fixture f = fixture();
        String code = authorize(f, Map.of("switches", List.of(f.lampId())));
        String token = json(exchange(f, code)).get("access_token").asText();
        assertThat(http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + token).statusCode())
                .isEqualTo(200);

        HttpResponse<String> replay = exchange(f, code);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(json(replay).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(replay).get("error_description").asText()).contains("already used");

        HttpResponse<String> after = http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(json(after).get("error_description").asText()).contains("revoked");
    }

    @Test
    void aDifferentRedirectUriAtTheTokenEndpointIsRefused() {
        Fixture f = fixture();
        String code = authorize(f, Map.of("switches", List.of(f.lampId())));
        HttpResponse<String> response = http().postForm("/oauth/token", Map.of("grant_type", "authorization_code",
                "code", code, "client_id", f.clientId(), "client_secret", f.clientSecret(),
                "redirect_uri", "https://client.example.com/other"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(response).get("error_description").asText()).contains(f.redirectUri());
    }

    @Test
    void aWrongSecretIsAnInvalidClientWithAChallenge() {
        Fixture f = fixture();
        String code = authorize(f, Map.of("switches", List.of(f.lampId())));
        HttpResponse<String> response = http().postForm("/oauth/token", Map.of("grant_type", "authorization_code",
                "code", code, "client_id", f.clientId(), "client_secret", "wrong", "redirect_uri", f.redirectUri()));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(json(response).get("error").asText()).isEqualTo("invalid_client");
        assertThat(json(response).get("error_description").asText()).contains("client_secret");

        HttpResponse<String> unknownClient = http().postForm("/oauth/token", Map.of("grant_type",
                "authorization_code", "code", code, "client_id", "nobody", "client_secret", "x"));
        assertThat(unknownClient.statusCode()).isEqualTo(401);
        assertThat(json(unknownClient).get("error_description").asText()).contains("nobody");

        // The code survived the failed attempts: a client that fixes its secret still gets in.
        assertThat(exchange(f, code).statusCode()).isEqualTo(200);
    }

    /**
     * The client and the refresh token (or code, or token to introspect) are read in one statement:
     * the client's error still comes first, and nothing of the token is used or told before.
     */
    @Test
    void aRefreshTokenWithTheWrongClientIsTheClientsErrorAndIsNotUsedUp() {
        Fixture f = fixture();
        Fixture other = fixture();
        String refreshToken = json(exchange(f, authorize(f, Map.of("switches", List.of(f.lampId())))))
                .get("refresh_token").asText();

        HttpResponse<String> wrongSecret = refresh(refreshToken, Http.basic(f.clientId(), "wrong"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(json(wrongSecret).get("error").asText()).isEqualTo("invalid_client");
        assertThat(json(wrongSecret).get("error_description").asText()).contains("client_secret is wrong")
                .doesNotContain("refresh token");
        HttpResponse<String> unknownClient = refresh(refreshToken, Http.basic("nobody", "x"));
        assertThat(unknownClient.statusCode()).isEqualTo(401);
        assertThat(json(unknownClient).get("error_description").asText()).contains("'nobody'");
        HttpResponse<String> noSecret = http().postForm("/oauth/token", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", f.clientId()));
        assertThat(noSecret.statusCode()).isEqualTo(401);
        assertThat(json(noSecret).get("error_description").asText()).contains("client_secret is missing");
        // The client's error comes before the request's own: here, no refresh token or code at all.
        assertThat(http().postForm("/oauth/token", Map.of("grant_type", "refresh_token"), "Authorization",
                Http.basic(f.clientId(), "wrong")).statusCode()).isEqualTo(401);
        assertThat(http().postForm("/oauth/token", Map.of("grant_type", "authorization_code"), "Authorization",
                Http.basic(f.clientId(), "wrong")).statusCode()).isEqualTo(401);

        HttpResponse<String> otherClient = refresh(refreshToken, Http.basic(other.clientId(), other.clientSecret()));
        assertThat(otherClient.statusCode()).isEqualTo(400);
        assertThat(json(otherClient).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(otherClient).get("error_description").asText()).contains("issued to another client");

        // Past the grace window: had any of these used the token up, this would be a reuse and revoke the grant.
        clock.advance(Duration.ofSeconds(31));
        HttpResponse<String> owner = refresh(refreshToken, Http.basic(f.clientId(), f.clientSecret()));
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(200);
        assertThat(http().get("/api/smartapps/endpoints", "Authorization", "Bearer "
                + json(owner).get("access_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void introspectionByAWrongClientSaysNothingOfTheToken() {
        Fixture f = fixture();
        Fixture other = fixture();
        String token = token(f);
        HttpResponse<String> wrongSecret = http().postForm("/oauth/introspect", Map.of("token", token),
                "Authorization", Http.basic(f.clientId(), "wrong"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(json(wrongSecret).get("error").asText()).isEqualTo("invalid_client");
        assertThat(wrongSecret.body()).doesNotContain("active").doesNotContain(f.clientSecret());
        assertThat(http().postForm("/oauth/introspect", Map.of("token", token), "Authorization",
                Http.basic(other.clientId(), other.clientSecret())).body()).isEqualTo("{\"active\":false}");
        HttpResponse<String> noToken = http().postForm("/oauth/introspect", Map.of(), "Authorization",
                Http.basic(f.clientId(), f.clientSecret()));
        assertThat(noToken.statusCode()).isEqualTo(400);
        assertThat(json(noToken).get("error_description").asText()).contains("'token'");
        HttpResponse<String> mine = http().postForm("/oauth/introspect", Map.of("token", token), "Authorization",
                Http.basic(f.clientId(), f.clientSecret()));
        assertThat(json(mine).get("active").asBoolean()).as(mine.body()).isTrue();
        assertThat(json(mine).get("client_id").asText()).isEqualTo(f.clientId());
    }

    private HttpResponse<String> refresh(String refreshToken, String basic) {
        return http().postForm("/oauth/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                "Authorization", basic);
    }

    @Test
    void malformedTokenRequestsGetClearErrorsNotA500() {
        Fixture f = fixture();
        HttpResponse<String> noGrant = http().postForm("/oauth/token", Map.of("client_id", f.clientId(),
                "client_secret", f.clientSecret()));
        assertThat(noGrant.statusCode()).isEqualTo(400);
        assertThat(json(noGrant).get("error").asText()).isEqualTo("invalid_request");
        assertThat(json(noGrant).get("error_description").asText()).contains("grant_type");

        HttpResponse<String> badGrant = http().postForm("/oauth/token", Map.of("grant_type", "password",
                "client_id", f.clientId(), "client_secret", f.clientSecret()));
        assertThat(json(badGrant).get("error").asText()).isEqualTo("unsupported_grant_type");

        HttpResponse<String> noCode = http().postForm("/oauth/token", Map.of("grant_type", "authorization_code",
                "client_id", f.clientId(), "client_secret", f.clientSecret()));
        assertThat(json(noCode).get("error_description").asText()).contains("code");

        HttpResponse<String> unknownCode = http().postForm("/oauth/token", Map.of("grant_type", "authorization_code",
                "code", "made-up", "client_id", f.clientId(), "client_secret", f.clientSecret()));
        assertThat(json(unknownCode).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void anUnknownClientOrRedirectUriGetsAPageAndNeverARedirect() {
        Fixture f = fixture();
        Http browser = http();
        HttpResponse<String> page = signInAndFollow(browser, authorizeUrl(f, "s"), f.username(), f.password());
        assertThat(page.statusCode()).isEqualTo(200);

        HttpResponse<String> unknown = browser.get("/oauth/authorize?response_type=code&client_id=nobody"
                + "&redirect_uri=" + Http.encode("https://evil.example.com/"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Location")).isEmpty();
        assertThat(unknown.body()).contains("nobody");

        HttpResponse<String> wrongRedirect = browser.get("/oauth/authorize?response_type=code&client_id="
                + f.clientId() + "&redirect_uri=" + Http.encode("https://evil.example.com/callback"));
        assertThat(wrongRedirect.statusCode()).isEqualTo(400);
        assertThat(wrongRedirect.headers().firstValue("Location")).isEmpty();
        assertThat(wrongRedirect.body()).contains("evil.example.com").contains("not registered");

        HttpResponse<String> badResponseType = browser.get("/oauth/authorize?response_type=token&client_id="
                + f.clientId() + "&redirect_uri=" + Http.encode(f.redirectUri()) + "&state=s1");
        assertThat(badResponseType.statusCode()).isEqualTo(302);
        assertThat(Http.query(badResponseType.headers().firstValue("Location").orElseThrow()))
                .containsEntry("error", "unsupported_response_type").containsEntry("state", "s1");
    }

    @Test
    void denyingRedirectsWithAccessDenied() {
        Fixture f = fixture();
        Http browser = http();
        HttpResponse<String> page = signInAndFollow(browser, authorizeUrl(f, "d1"), f.username(), f.password());
        HttpResponse<String> redirect = consent(browser, page, Map.of(), "deny");
        assertThat(redirect.statusCode()).isEqualTo(302);
        Map<String, String> query = Http.query(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(query).containsEntry("error", "access_denied").containsEntry("state", "d1");
        assertThat(http().get("/api/installations", "Authorization", f.basic()).body()).isEqualTo("[]");
    }

    @Test
    void consentPagesNameTheAccountCarryCsrfAndCannotBeFramed() {
        Fixture f = fixture();
        Http browser = http();
        HttpResponse<String> page = signInAndFollow(browser, authorizeUrl(f, "s"), f.username(), f.password());
        assertThat(page.body()).contains("Signed in as").contains(f.username()).contains("switch-account")
                .contains("name=\"switches\"").contains("value=\"" + f.lampId() + "\"")
                .contains("name=\"decision\" value=\"allow\"").contains("name=\"decision\" value=\"deny\"");
        assertThat(page.body()).doesNotContain(f.lockId() + "\" name=\"switches\"");
        assertThat(page.headers().firstValue("X-Frame-Options").orElse("")).isEqualTo("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");

        // Without the CSRF token the form is refused.
        HttpResponse<String> forged = browser.postForm("/oauth/authorize", Map.of("request",
                Http.requestId(page.body()), "decision", "allow", "switches", f.lampId()));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void switchingAccountsNeedsNoIncognitoWindow() {
        Fixture first = fixture();
        Fixture second = fixture();
        Http browser = http();
        HttpResponse<String> page = signInAndFollow(browser, authorizeUrl(first, "s"), first.username(),
                first.password());
        assertThat(page.body()).contains(first.username());
        HttpResponse<String> switched = browser.postForm("/oauth/authorize/switch-account", Map.of(
                "request", Http.requestId(page.body()), "_csrf", Http.csrf(page.body())));
        assertThat(switched.statusCode()).isEqualTo(302);
        String again = switched.headers().firstValue("Location").orElseThrow();
        assertThat(again).contains("/oauth/authorize?");
        HttpResponse<String> asSecond = signInAndFollow(browser, again, second.username(), second.password());
        assertThat(asSecond.body()).contains("Signed in as <strong>" + second.username() + "</strong>")
                .doesNotContain("Signed in as <strong>" + first.username() + "</strong>");
    }

    @Test
    void devicesMustFitTheInputAndBelongToTheLocation() {
        Fixture f = fixture();
        Fixture other = fixture();
        Http browser = http();
        HttpResponse<String> page = signInAndFollow(browser, authorizeUrl(f, "s"), f.username(), f.password());
        HttpResponse<String> lockAsSwitch = consent(browser, page, Map.of("switches", List.of(f.lockId())), "allow");
        assertThat(lockAsSwitch.statusCode()).isEqualTo(400);
        assertThat(lockAsSwitch.body()).contains("Door Lock").contains("switch");

        HttpResponse<String> foreign = consent(browser, lockAsSwitch, Map.of("switches", List.of(other.lampId())),
                "allow");
        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("not in the chosen Location");

        HttpResponse<String> none = consent(browser, foreign, Map.of(), "allow");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("choose at least one device");
    }

    @Test
    void removingAnInstallationRevokesItsTokens() {
        Fixture f = fixture();
        String token = token(f);
        JsonNode endpoint = endpoint(token);
        String installationId = endpoint.get("url").asText().substring("/api/smartapps/installations/".length());
        HttpResponse<String> connected = http().get("/api/installations", "Authorization", f.basic());
        assertThat(json(connected).findValuesAsString("id")).contains(installationId);

        HttpResponse<String> removed = http().send("DELETE", "/api/installations/" + installationId, null,
                "Authorization", f.basic());
        assertThat(removed.statusCode()).isEqualTo(204);

        HttpResponse<String> after = http().get(endpoint.get("uri").asText() + "/switches",
                "Authorization", "Bearer " + token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(json(after).get("error_description").asText()).contains("revoked");
    }

    @Test
    void revokingEverySmartAppTokenCutsEveryInstallationOff() {
        Fixture f = fixture();
        String first = token(f);
        String second = token(f);
        HttpResponse<String> revoked = http().send("DELETE", "/api/smartapps/" + f.appId() + "/tokens", null,
                "Authorization", f.basic());
        assertThat(revoked.statusCode()).isEqualTo(204);
        for (String token : List.of(first, second)) {
            assertThat(http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + token).statusCode())
                    .isEqualTo(401);
        }
    }

    @Test
    void theClientSecretIsShownOnceAndRotates() {
        Fixture f = fixture();
        HttpResponse<String> app = http().get("/api/smartapps/" + f.appId(), "Authorization", f.basic());
        assertThat(app.body()).doesNotContain(f.clientSecret()).doesNotContain("clientSecret");
        HttpResponse<String> rotated = http().postJson("/api/smartapps/" + f.appId() + "/secret", Map.of(),
                "Authorization", f.basic());
        String newSecret = json(rotated).get("clientSecret").asText();
        assertThat(newSecret).isNotEqualTo(f.clientSecret());
        String code = authorize(f, Map.of("switches", List.of(f.lampId())));
        assertThat(exchange(f, code).statusCode()).isEqualTo(401);
    }
}
