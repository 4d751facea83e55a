package hearth.oauth;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The tokens a refresh rotated to, kept with the used refresh token so that presenting it again
 * within the grace window gets the same pair back, without any token stored in clear.
 *
 * <p>The pair is sealed with AES-256-GCM under a key derived from the <em>presented</em> refresh
 * token: {@code SHA-256("hearth.refresh-successor\0" + token)}. The database holds only
 * {@code SHA-256(token)} (a different input, so the stored hash is no key), and the token is 256
 * random bits, so whoever reads the database, its backups or this column can't open the seal; only
 * someone presenting the old refresh token can, and within the window that is exactly who the
 * rotation's answer was meant for (or a thief holding the same token, who would have won the
 * race anyway). The row's hash is the associated data, so a seal moved to another row fails.
 */
public final class SealedSuccessor {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CONTEXT = "hearth.refresh-successor\0";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private SealedSuccessor() {
    }

    /** The access and refresh token, sealed for the row {@code rowHash} with the presented {@code token}. */
    public static String seal(String token, String rowHash, String access, String refresh) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, token, rowHash, iv,
                (access + "\n" + refresh).getBytes(StandardCharsets.UTF_8));
        byte[] all = new byte[IV_BYTES + sealed.length];
        System.arraycopy(iv, 0, all, 0, IV_BYTES);
        System.arraycopy(sealed, 0, all, IV_BYTES, sealed.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    }

    /** The pair {access, refresh}, or empty when the seal doesn't open with this token and row. */
    public static Optional<String[]> open(String token, String rowHash, String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(sealed);
            byte[] iv = java.util.Arrays.copyOfRange(all, 0, IV_BYTES);
            byte[] body = java.util.Arrays.copyOfRange(all, IV_BYTES, all.length);
            String[] pair = new String(crypt(Cipher.DECRYPT_MODE, token, rowHash, iv, body), StandardCharsets.UTF_8)
                    .split("\n", 2);
            return pair.length == 2 ? Optional.of(pair) : Optional.empty();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static byte[] crypt(int mode, String token, String rowHash, byte[] iv, byte[] input) {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256").digest((CONTEXT + token).getBytes(StandardCharsets.UTF_8));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(rowHash.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the seal does not open", e);
        }
    }
}
