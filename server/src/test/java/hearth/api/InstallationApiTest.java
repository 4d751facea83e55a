package hearth.api;

import hearth.account.Account;
import hearth.account.AccountService;
import hearth.cluster.VerifiedToken;
import hearth.device.global.DeviceService;
import hearth.installation.Installation;
import hearth.installation.InstallationRepository;
import hearth.installation.LastUse;
import hearth.installation.global.InstallationService;
import hearth.location.Location;
import hearth.location.global.LocationService;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import hearth.support.MutableClock;
import hearth.support.TestClockConfiguration;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The installation API's rules, called as a service: a real SmartApp on a real database, no
 * HTTP. The wire format itself is pinned by the flow tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@Import(TestClockConfiguration.class)
@ActiveProfiles("test")
class InstallationApiTest {
    private static final int LIMIT = 5;
    private static final String APP = """
            definition(name: "Rules", namespace: "hearth.test", author: "Hearth", description: "d",
                       category: "c", oauth: true)
            preferences { section { input "switches", "capability.switch", multiple: true, required: false } }
            mappings {
                path("/hello") { action: [GET: "hello", POST: "echo"] }
                path("/teapot") { action: [GET: "teapot"] }
                path("/crash") { action: [GET: "crash"] }
            }
            def hello() { [hello: params.name, token: params.access_token] }
            def echo() { request.body }
            def teapot() { httpError(418, "short and stout") }
            def crash() { throw new IllegalStateException("broken on purpose") }
            """;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("installation-api");
        registry.add("hearth.data-dir", () -> dir);
        registry.add("hearth.rate-limit.executions", () -> Integer.toString(LIMIT));
    }

    @Autowired
    InstallationApi api;
    @Autowired
    AccountService accounts;
    @Autowired
    LocationService locations;
    @Autowired
    SmartAppService apps;
    @Autowired
    InstallationService installationService;
    @Autowired
    InstallationRepository installations;
    @Autowired
    MutableClock clock;
    @Autowired
    LastUse lastUse;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Installation installation;
    private VerifiedToken token;

    @BeforeEach
    void install() {
        Account account = accounts.signUp("rules-" + UUID.randomUUID().toString().substring(0, 8), "long enough pw");
        Location home = locations.create(account.id(), "Home", null, "UTC");
        SmartAppRecord app = apps.register(account.id(), new SmartAppService.Changes(APP,
                List.of("https://example.com/cb"), null, null, null, null, null)).app();
        installation = installationService.install(account.id(), app, home, Map.of(), Map.of());
        token = new VerifiedToken(installation.id(), app.id(), account.id(), clock.instant().plusSeconds(3600));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static InstallationCall get(String path, Map<String, String> query) {
        return call("GET", path, query, new byte[0]);
    }

    private static InstallationCall call(String method, String path, Map<String, String> query, byte[] body) {
        return new InstallationCall(method, path, query, false, Map.of("accept", "application/json"), body, null,
                "https://hearth.example");
    }

    private static ClassicError refused(InstallationCallOutcome outcome) {
        assertThat(outcome).isInstanceOf(InstallationCallOutcome.Refused.class);
        return ((InstallationCallOutcome.Refused) outcome).error();
    }

    @Test
    void callWhenTokenIsAnotherInstallationsThenAccessDeniedUncounted() {
        VerifiedToken other = new VerifiedToken(UUID.randomUUID().toString(), token.smartAppId(), token.accountId(),
                token.expiresAt());
        InstallationCallOutcome outcome = api.call(other, installation.id(), get("/hello", Map.of()));
        assertThat(refused(outcome).status()).isEqualTo(403);
        assertThat(refused(outcome).type()).isEqualTo("AccessDenied");
        assertThat(refused(outcome).message()).contains("another installation");
        assertThat(outcome.rate()).isNull();
    }

    @Test
    void callWhenInstallationIsNotHostedHereThenAccessDenied() {
        String gone = UUID.randomUUID().toString();
        VerifiedToken forGone = new VerifiedToken(gone, token.smartAppId(), token.accountId(), token.expiresAt());
        ClassicError error = refused(api.call(forGone, gone, get("/hello", Map.of())));
        assertThat(error.status()).isEqualTo(403);
        assertThat(error.message()).contains("not on this server");
    }

    @Test
    void callWhenAllowedThenTheAppAnswersWithTheRateItCounted() {
        InstallationCallOutcome outcome = api.call(token, installation.id(), get("/hello", Map.of("name", "Ada")));
        assertThat(outcome).isInstanceOf(InstallationCallOutcome.Answered.class);
        InstallationCallOutcome.Answered answered = (InstallationCallOutcome.Answered) outcome;
        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.contentType()).startsWith("application/json");
        assertThat(answered.body()).isEqualTo("{\"hello\":\"Ada\",\"token\":null}");
        assertThat(outcome.rate().limit()).isEqualTo(LIMIT);
        assertThat(outcome.rate().current()).isEqualTo(1);
    }

    @Test
    void callWhenTokenCameInTheQueryThenTheAppSeesItAsParams() {
        InstallationCall call = new InstallationCall("GET", "/hello", Map.of(), false, Map.of(), new byte[0],
                "query-token", "https://hearth.example");
        assertThat(((InstallationCallOutcome.Answered) api.call(token, installation.id(), call)).body())
                .contains("\"token\":\"query-token\"");
    }

    @Test
    void callWhenOverTheExecutionLimitThenRateLimitWithRetryAfter() {
        for (int i = 0; i < LIMIT; i++) {
            api.call(token, installation.id(), get("/hello", Map.of()));
        }
        InstallationCallOutcome outcome = api.call(token, installation.id(), get("/hello", Map.of()));
        ClassicError error = refused(outcome);
        assertThat(error.status()).isEqualTo(429);
        assertThat(error.type()).isEqualTo("RateLimit");
        assertThat(error.headers()).containsKey("Retry-After");
        assertThat(outcome.rate().current()).isEqualTo(LIMIT + 1);
    }

    @Test
    void callWhenBodyIsOverTheLimitThenTooLarge() {
        byte[] body = new byte[InstallationApi.MAX_BODY + 1];
        ClassicError error = refused(api.call(token, installation.id(), call("POST", "/hello", Map.of(), body)));
        assertThat(error.status()).isEqualTo(413);
        assertThat(error.type()).isEqualTo("SmartAppException");
    }

    @Test
    void callWhenBodyIsAtTheLimitThenTheAppGetsIt() {
        byte[] body = "x".repeat(InstallationApi.MAX_BODY).getBytes(StandardCharsets.UTF_8);
        InstallationCallOutcome outcome = api.call(token, installation.id(), call("POST", "/hello", Map.of(), body));
        assertThat(((InstallationCallOutcome.Answered) outcome).body()).hasSize(InstallationApi.MAX_BODY);
    }

    @Test
    void callWhenPathOrQueryIsMalformedThenBadRequest() {
        InstallationCall call = new InstallationCall("GET", null, Map.of(), true, Map.of(), new byte[0], null,
                "https://hearth.example");
        ClassicError error = refused(api.call(token, installation.id(), call));
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.message()).contains("%25");
    }

    @Test
    void callWhenUsedTwiceWithinAMinuteThenLastUseIsWrittenOnceAndNotByTheCallItself() {
        lastUse.flush();
        api.call(token, installation.id(), get("/hello", Map.of()));
        assertThat(jdbc.sql("SELECT last_used_at FROM installation WHERE id = ?").param(installation.id())
                .query((rs, n) -> rs.getObject(1)).list().get(0)).as("a read writes nothing").isNull();
        Instant noted = installations.findById(installation.id()).orElseThrow().lastUsedAt();
        assertThat(noted).as("this node's pages show it at once").isNotNull().isBeforeOrEqualTo(clock.instant());
        assertThat(lastUse.flush()).isEqualTo(1);
        Instant first = installations.findById(installation.id()).orElseThrow().lastUsedAt();
        assertThat(first).isNotNull();
        clock.advance(Duration.ofSeconds(30));
        api.call(token, installation.id(), get("/hello", Map.of()));
        assertThat(lastUse.flush()).isZero();
        assertThat(installations.findById(installation.id()).orElseThrow().lastUsedAt()).isEqualTo(first);
        clock.advance(Duration.ofSeconds(31));
        api.call(token, installation.id(), get("/hello", Map.of()));
        lastUse.flush();
        assertThat(installations.findById(installation.id()).orElseThrow().lastUsedAt()).isAfter(first);
    }

    @Test
    void callWhenNoMappingMatchesThenNotFoundAndWrongMethodThenAllowNamesTheMethods() {
        assertThat(refused(api.call(token, installation.id(), get("/nowhere", Map.of()))).status()).isEqualTo(404);
        ClassicError wrongMethod = refused(api.call(token, installation.id(),
                call("DELETE", "/hello", Map.of(), new byte[0])));
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers().get("Allow")).contains("GET").contains("POST");
    }

    @Test
    void callWhenTheAppChoosesAnHttpErrorThenItsStatusAndMessage() {
        ClassicError error = refused(api.call(token, installation.id(), get("/teapot", Map.of())));
        assertThat(error.status()).isEqualTo(418);
        assertThat(error.type()).isEqualTo("SmartAppException");
        assertThat(error.message()).isEqualTo("short and stout");
    }

    @Test
    void callWhenTheAppFailsThen500WithAReferenceToTheLog() {
        ClassicError error = refused(api.call(token, installation.id(), get("/crash", Map.of())));
        assertThat(error.status()).isEqualTo(500);
        assertThat(error.type()).isEqualTo("IllegalStateException");
        assertThat(error.reference()).isNotBlank();
        assertThat(error.body()).containsEntry("reference", error.reference());
    }
}
