package hearth.oauth.token;

import hearth.account.Account;
import hearth.account.AccountService;
import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import hearth.oauth.AuthorizationCode;
import hearth.oauth.AuthorizationCodeRepository;
import hearth.oauth.Grant;
import hearth.oauth.GrantRepository;
import hearth.oauth.OAuthException;
import hearth.oauth.TokenService;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import hearth.support.MutableClock;
import hearth.support.Secrets;
import hearth.support.TestClockConfiguration;
import hearth.support.TestDataDirs;
import hearth.support.TestResources;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The grants of the token endpoint called as services, on a real database, without HTTP: one
 * Spring context for every grant's specs. Each spec gets an account with two registered clients.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@Import(TestClockConfiguration.class)
@ActiveProfiles("test")
abstract class GrantSpecBase {
    static final String REDIRECT = "https://client.example/cb";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("grants");
        registry.add("hearth.data-dir", () -> dir);
    }

    @Autowired
    AccountService accounts;
    @Autowired
    SmartAppService apps;
    @Autowired
    GrantRepository grants;
    @Autowired
    AuthorizationCodeRepository codes;
    @Autowired
    TokenService tokens;
    @Autowired
    AuditLog audit;
    @Autowired
    MutableClock clock;

    Account account;
    SmartAppRecord client;
    SmartAppRecord otherClient;

    @BeforeEach
    void clients() {
        account = accounts.signUp("grant-" + UUID.randomUUID().toString().substring(0, 8), "long enough pw");
        client = register("Flow Test");
        otherClient = register("Other Client");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A developer registers a name once, so each client of the account has its own. */
    private SmartAppRecord register(String name) {
        String source = TestResources.read("apps/flow-test.groovy").replace("name: \"Flow Test\"",
                "name: \"" + name + "\"");
        return apps.register(account.id(), new SmartAppService.Changes(source, List.of(REDIRECT), null, null, null,
                null, null)).app();
    }

    Grant grant(SmartAppRecord app) {
        Grant grant = new Grant(UUID.randomUUID().toString(), app.id(), UUID.randomUUID().toString(), account.id(),
                TokenService.SCOPE, Grant.Origin.CONSENT, UUID.randomUUID().toString(), "local", clock.instant(),
                null);
        grants.insert(grant);
        return grant;
    }

    /** A fresh code of {@code grant}, in clear text; {@code challenge} null for none. */
    String code(Grant grant, boolean redirectUriGiven, String challenge) {
        String code = Secrets.newSecret();
        Instant now = clock.instant();
        codes.insert(new AuthorizationCode(Secrets.sha256Hex(code), grant.id(), REDIRECT, redirectUriGiven, challenge,
                challenge == null ? null : "S256", now, now.plus(Duration.ofMinutes(10)), null));
        return code;
    }

    long audited(AuditEvent.Type type) {
        return audit.forAccount(account.id(), 1000).stream().filter(e -> e.type() == type).count();
    }

    static void refusedWith(ThrowableAssert.ThrowingCallable call, String error, String describing) {
        assertThatThrownBy(call).isInstanceOf(OAuthException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((OAuthException) e).error().getCode())
                        .isEqualTo(error))
                .hasMessageContaining(describing);
    }
}
