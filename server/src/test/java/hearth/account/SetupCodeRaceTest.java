package hearth.account;

import hearth.support.PostgresDatabase;
import hearth.support.Secrets;
import hearth.support.TestDataDirs;
import hearth.web.ApiException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two nodes of a new server each print a setup code of their own; two people typing them at the
 * same moment make one first account, not two admins: the second waits for the first and is told
 * the server now has its account.
 */
class SetupCodeRaceTest {

    abstract static class Race {
        @Autowired
        SetupCodes codes;
        @Autowired
        AccountRepository accounts;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        PlatformTransactionManager transactions;

        @Test
        void twoLiveCodesRedeemedAtOnceMakeOneFirstAccount() throws Exception {
            liveCode("AAAA-BBBB-CCCC-DDDD-EEEE");
            liveCode("FFFF-GGGG-HHHH-JJJJ-KKKK");
            CountDownLatch firstRedeemed = new CountDownLatch(1);
            CountDownLatch secondStarted = new CountDownLatch(1);

            // Node A: redeemed, its transaction not yet committed when node B's redemption runs.
            CompletableFuture<Account> a = CompletableFuture.supplyAsync(() ->
                    new TransactionTemplate(transactions).execute(status -> {
                        Account made = codes.redeem("AAAA-BBBB-CCCC-DDDD-EEEE", "alice", "correct horse alice");
                        firstRedeemed.countDown();
                        await(secondStarted);
                        sleep(1500);
                        return made;
                    }));
            assertThat(firstRedeemed.await(60, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Account> b = CompletableFuture.supplyAsync(() -> {
                secondStarted.countDown();
                return codes.redeem("FFFF-GGGG-HHHH-JJJJ-KKKK", "bob", "correct horse bob");
            });

            assertThat(a.get(60, TimeUnit.SECONDS).username()).isEqualTo("alice");
            assertThatThrownBy(() -> b.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ApiException.class)
                    .hasMessageContaining("has just been given its first account");
            assertThat(accounts.count()).isEqualTo(1);
            assertThatThrownBy(() -> codes.redeem("FFFF-GGGG-HHHH-JJJJ-KKKK", "bob", "correct horse bob"))
                    .as("and afterwards, as before").isInstanceOf(ApiException.class);
        }

        private void liveCode(String code) {
            Instant now = Instant.now();
            jdbc.sql("INSERT INTO setup_code (code_hash, created_at, expires_at) VALUES (?, ?, ?)")
                    .params(Secrets.sha256Hex(SetupCodes.normalized(code)), Timestamp.from(now),
                            Timestamp.from(now.plusSeconds(600))).update();
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
    @ActiveProfiles("test")
    class OnH2 extends Race {
        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            String dir = TestDataDirs.fresh("setup-race-h2");
            registry.add("hearth.data-dir", () -> dir);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
    @ActiveProfiles({"test", "postgres"})
    class OnPostgres extends Race {
        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            PostgresDatabase.register(registry);
            String dir = TestDataDirs.fresh("setup-race-pg");
            registry.add("hearth.data-dir", () -> dir);
        }
    }
}
