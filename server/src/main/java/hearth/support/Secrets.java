package hearth.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (tokens, codes, client secrets) and the hashes they are stored as. They carry
 * 256 bits of entropy, so a fast hash is enough: there is nothing to guess, only a stolen
 * database to make useless.
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    // One digest per thread instead of a provider lookup per hash (issue 15); digest() resets it.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Secrets::newSha256);
    private static final HexFormat HEX = HexFormat.of();

    private Secrets() {
    }

    /** 32 random bytes, base64url without padding (43 characters). */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256Hex(String value) {
        return HEX.formatHex(SHA256.get().digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** A new SHA-256 digest (not thread-safe: one per thread). */
    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Compares in time independent of where the strings differ. */
    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
