package hearth.engine.http;

import groovy.json.JsonException;
import groovy.json.JsonSlurper;
import groovyx.net.http.ResponseParseException;
import hearth.engine.dsl.HeaderView;
import hearth.engine.dsl.HttpResponseView;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns an exchange into the classic response: JSON parsed to maps and lists, XML to a GPath
 * result (no DOCTYPE, no external entities: the text comes from the internet), anything else as
 * text. The app's {@code contentType} wins over the answer's Content-Type, as in HTTPBuilder.
 */
final class ResponseReader {
    private ResponseReader() {
    }

    /**
     * @param strict true to throw {@link ResponseParseException} for a body that is not what its type says
     *               (successful answers); false to fall back to the text (error answers, whose body is
     *               only read for information)
     */
    static HttpResponseView read(PinnedHttpClient.Exchange exchange, String expect, boolean strict)
            throws ResponseParseException {
        List<HeaderView> headers = new ArrayList<>();
        for (Map.Entry<String, String> h : exchange.headers()) {
            headers.add(new HeaderView(h.getKey(), h.getValue()));
        }
        String declared = exchange.header("Content-Type");
        String contentType = ClassicRequest.mime(declared);
        String text = new String(exchange.body(), charset(declared));
        String as = expect != null ? expect : declared;
        HttpResponseView raw = new HttpResponseView(exchange.status(), exchange.reason(), text,
                contentType.isEmpty() ? null : contentType, headers);
        if (text.isBlank() && (ClassicRequest.isJson(as) || ClassicRequest.isXml(as))) {
            return new HttpResponseView(exchange.status(), exchange.reason(), null, raw.getContentType(), headers);
        }
        try {
            if (ClassicRequest.isJson(as)) {
                return with(raw, new JsonSlurper().parseText(text));
            }
            if (ClassicRequest.isXml(as)) {
                return with(raw, xml(text));
            }
        } catch (JsonException | IllegalArgumentException e) {
            if (strict) {
                throw new ResponseParseException(raw, "JSON: " + e.getMessage());
            }
        } catch (Exception e) {
            if (strict) {
                throw new ResponseParseException(raw, "XML: " + e.getMessage());
            }
        }
        return raw;
    }

    static Object xml(String text) throws Exception {
        return XmlText.parse(text);
    }

    private static HttpResponseView with(HttpResponseView r, Object data) {
        return new HttpResponseView(r.getStatus(), r.getReasonPhrase(), data, r.getContentType(), r.getAllHeaders());
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim();
                if (p.toLowerCase(java.util.Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (RuntimeException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
