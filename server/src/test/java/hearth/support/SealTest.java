package hearth.support;

import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.security.InvalidAlgorithmParameterException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seal reuses one Cipher and one digest per thread (issue 15); every use must stay independent. */
class SealTest {
    private static final String CONTEXT = "test";
    private static final String KEY = "key material";

    private static byte[] iv(String sealed) {
        byte[] all = Base64.getUrlDecoder().decode(sealed);
        byte[] iv = new byte[12];
        System.arraycopy(all, 0, iv, 0, 12);
        return iv;
    }

    @Test
    void sealTwiceOnOneThreadThenEachHasItsOwnIvAndBothOpen() {
        String a = Seal.seal(CONTEXT, KEY, "row", "the text");
        String b = Seal.seal(CONTEXT, KEY, "row", "the text");
        assertThat(iv(a)).isNotEqualTo(iv(b));
        assertThat(a).isNotEqualTo(b);
        assertThat(Seal.open(CONTEXT, KEY, "row", a)).hasValue("the text");
        assertThat(Seal.open(CONTEXT, KEY, "row", b)).hasValue("the text");
    }

    @Test
    void aGcmCipherRefusesTheSameKeyAndIvTwiceSoEachSealMustDrawAFreshIv() throws Exception {
        // The guard the reused Cipher relies on, shown on the bare mechanism: re-inited for
        // encryption with the key and IV of its last use, SunJCE's GCM refuses.
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, new byte[12]));
        cipher.doFinal(new byte[1]);
        assertThatThrownBy(() -> cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, new byte[12])))
                .isInstanceOf(InvalidAlgorithmParameterException.class);
        // Seal draws a fresh IV each time, so its thread's cipher never trips it.
        for (int i = 0; i < 100; i++) {
            assertThat(Seal.open(CONTEXT, KEY, "row", Seal.seal(CONTEXT, KEY, "row", "n" + i))).hasValue("n" + i);
        }
    }

    @Test
    void openWhenASealFailedOnTheSameThreadThenTheNextSealAndOpenStillWork() {
        String good = Seal.seal(CONTEXT, KEY, "row", "the text");
        assertThat(Seal.open(CONTEXT, "another key", "row", good)).isEmpty();
        assertThat(Seal.open(CONTEXT, KEY, "another row", good)).isEmpty();
        char flipped = good.charAt(20) == 'A' ? 'B' : 'A';
        assertThat(Seal.open(CONTEXT, KEY, "row", good.substring(0, 20) + flipped + good.substring(21))).isEmpty();
        // Nothing of the failed uses is left in the thread's cipher or digest.
        assertThat(Seal.open(CONTEXT, KEY, "row", good)).hasValue("the text");
        String next = Seal.seal(CONTEXT, KEY, "row", "more text");
        assertThat(Seal.open(CONTEXT, KEY, "row", next)).hasValue("more text");
    }

    @Test
    void sealAndOpenOnManyThreadsAtOnceThenEveryIvDiffersAndEverySealOpens() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    List<String> seals = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        String text = thread + ":" + i;
                        String sealed = Seal.seal(CONTEXT, KEY + thread, "row" + i, text);
                        assertThat(Seal.open(CONTEXT, KEY + thread, "row" + i, sealed)).hasValue(text);
                        seals.add(sealed);
                    }
                    return seals;
                }));
            }
            Set<String> ivs = new HashSet<>();
            for (Future<List<String>> f : work) {
                for (String sealed : f.get()) {
                    ivs.add(Base64.getEncoder().encodeToString(iv(sealed)));
                }
            }
            assertThat(ivs).hasSize(8 * 500);
        } finally {
            pool.shutdownNow();
        }
    }
}
