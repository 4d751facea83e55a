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
            byte[] key = MessageDigest.getInstance("SHA-256")
                    .digest((context + "\0" + keyMaterial).getBytes(StandardCharsets.UTF_8));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the seal does not open", e);
        }
    }
}
