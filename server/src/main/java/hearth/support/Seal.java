package hearth.support;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * AES-256-GCM over text: a random 96-bit IV before the ciphertext and its 128-bit tag, base64url.
 * The key is {@code SHA-256(context + "\0" + keyMaterial)}, so one secret serves several purposes
 * without one seal opening with another's key; the associated data ties a seal to its row, so a
 * seal copied to another row does not open.
 */
public final class Seal {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    // Looked up once per thread, not per call: Cipher.getInstance and MessageDigest.getInstance walk
    // the providers each time (issue 15: ~29% of a refresh grant with Secrets' digest). A Cipher is
    // not thread-safe, so each thread has its own, and crypt() re-inits it for every use with that
    // use's key and IV (a fresh random IV for each seal): nothing of one use carries to the next.
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JRE", e);
        }
    });
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Secrets::newSha256);

    private Seal() {
    }

    public static String seal(String context, String keyMaterial, String associated, String plain) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, context, keyMaterial, associated, iv,
                plain.getBytes(StandardCharsets.UTF_8));
        byte[] all = new byte[IV_BYTES + sealed.length];
        System.arraycopy(iv, 0, all, 0, IV_BYTES);
        System.arraycopy(sealed, 0, all, IV_BYTES, sealed.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(all);
    }

    /** The text, or empty when the seal doesn't open with this key and associated data. */
    public static Optional<String> open(String context, String keyMaterial, String associated, String sealed) {
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getUrlDecoder().decode(sealed);
            if (all.length <= IV_BYTES) {
                return Optional.empty();
            }
            byte[] iv = Arrays.copyOfRange(all, 0, IV_BYTES);
            byte[] body = Arrays.copyOfRange(all, IV_BYTES, all.length);
            return Optional.of(new String(crypt(Cipher.DECRYPT_MODE, context, keyMaterial, associated, iv, body),
                    StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static byte[] crypt(int mode, String context, String keyMaterial, String associated, byte[] iv,
                                byte[] input) {
        try {
            // digest() resets the digest, so the next use starts clean.
            byte[] key = SHA256.get().digest((context + "\0" + keyMaterial).getBytes(StandardCharsets.UTF_8));
            Cipher cipher = CIPHER.get();
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the seal does not open", e);
        }
    }
}
