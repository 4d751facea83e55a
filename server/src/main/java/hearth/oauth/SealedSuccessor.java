package hearth.oauth;

import hearth.support.Seal;

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
    private static final String CONTEXT = "hearth.refresh-successor";

    private SealedSuccessor() {
    }

    /** The access and refresh token, sealed for the row {@code rowHash} with the presented {@code token}. */
    public static String seal(String token, String rowHash, String access, String refresh) {
        return Seal.seal(CONTEXT, token, rowHash, access + "\n" + refresh);
    }

    /** The pair {access, refresh}, or empty when the seal doesn't open with this token and row. */
    public static Optional<String[]> open(String token, String rowHash, String sealed) {
        return Seal.open(CONTEXT, token, rowHash, sealed).map(text -> text.split("\n", 2))
                .filter(pair -> pair.length == 2);
    }
}
