package hearth.engine.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.function.Function;

/**
 * Grails' codecs, which the classic platform put on every object: {@code map.encodeAsJSON()},
 * {@code text.encodeAsHTML()}, {@code encodeAsURL()}, {@code encodeAsBase64()}. The gate answers
 * them when the value has no method of that name. JSON is written by the engine's one writer
 * (devices, states and dates in their classic shapes), which the layer above hands in once.
 */
public final class Codecs {
    static final Set<String> NAMES = Set.of("encodeAsJSON", "encodeAsHTML", "encodeAsURL", "encodeAsBase64");
    private static volatile Function<Object, String> json = groovy.json.JsonOutput::toJson;

    private Codecs() {
    }

    /** The engine's JSON writer; set once when the engine's DSL loads. */
    public static void writeJsonWith(Function<Object, String> writer) {
        json = writer;
    }

    static boolean handles(String name, Object[] args) {
        return args.length == 0 && NAMES.contains(name);
    }

    static Object apply(String name, Object value) {
        return switch (name) {
            case "encodeAsJSON" -> json.apply(value);
            case "encodeAsHTML" -> html(String.valueOf(value));
            case "encodeAsURL" -> java.net.URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
            case "encodeAsBase64" -> Base64.getEncoder().encodeToString(value instanceof byte[] b ? b
                    : String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Grails' HTML codec: the five characters that matter in text and attribute values. */
    static String html(String text) {
        Limits.check();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (out.length() > Limits.MAX_TEXT) {
                throw new SandboxViolationException("encodeAsHTML() would make more than " + Limits.MAX_TEXT
                        + " characters");
            }
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
