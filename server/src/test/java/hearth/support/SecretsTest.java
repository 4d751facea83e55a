package hearth.support;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** sha256Hex reuses one digest per thread (issue 15): each hash must be that of its input alone. */
class SecretsTest {
    private static String fresh(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sha256HexWhenCalledAgainOnTheSameThreadThenEachHashIsOfItsInputAlone() throws Exception {
        assertThat(Secrets.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Secrets.sha256Hex("abc")).isEqualTo(fresh("abc"));
        assertThat(Secrets.sha256Hex("")).isEqualTo(fresh(""));
        assertThat(Secrets.sha256Hex("abc")).isEqualTo(fresh("abc"));
    }

    @Test
    void sha256HexOnManyThreadsAtOnceThenEveryHashMatchesAFreshDigest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        String value = Secrets.newSecret() + thread;
                        assertThat(Secrets.sha256Hex(value)).isEqualTo(fresh(value));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
