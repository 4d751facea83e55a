package hearth.oauth.device;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * User codes people type on a phone: 8 letters from an alphabet without vowels (no words) and
 * without look-alikes, shown as XXXX-XXXX (RFC 8628 §6.1): 20^8, about 2.6e10 codes.
 */
public final class UserCodes {
    private static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private UserCodes() {
    }

    static String generate() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What the user typed, as stored: upper case, without dashes or spaces. */
    public static String normalize(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    public static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }
}
