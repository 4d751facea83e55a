package hearth.oauth;

/**
 * RFC 6749 §5.2 allows only printable ASCII without {@code "} and {@code \} in error_description
 * (and RFC 6750 §3 the same in WWW-Authenticate): our descriptions cite "RFC 9700 §2.1.1", so
 * they are cleaned here, in one place, before they reach the wire.
 */
public final class Descriptions {
    private Descriptions() {
    }

    public static String clean(String description) {
        return description.replace("§", "section ").replace('"', '\'')
                .replaceAll("[^\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]", "");
    }
}
