package hearth.oauth.client;

import hearth.oauth.OAuthException;
import jakarta.servlet.http.HttpServletRequest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The token request's parameters, from the query string (GET, as classic clients send it) or
 * the form body (POST), with the classic spellings normalised here and nowhere else:
 * {@code grant_type=code} is {@code authorization_code}, and {@code authorization_code=X} is
 * {@code code=X}.
 */
public final class TokenParameters {
    private final Map<String, String> values;

    private TokenParameters(Map<String, String> values) {
        this.values = values;
    }

    public static TokenParameters from(HttpServletRequest request) {
        Map<String, String> values = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, given) -> {
            // RFC 6749 §3.2: request and response parameters must not be included more than once.
            if (given.length > 1) {
                throw OAuthException.invalidRequest("the parameter '" + name + "' was sent " + given.length
                        + " times; send it once");
            }
            values.put(name, given[0]);
        });
        if ("code".equals(values.get("grant_type"))) {
            values.put("grant_type", "authorization_code");
        }
        String legacyCode = values.remove("authorization_code");
        if (legacyCode != null) {
            String code = values.get("code");
            if (code != null && !code.equals(legacyCode)) {
                throw OAuthException.invalidRequest("both 'code' and 'authorization_code' were sent with different "
                        + "values; send the authorization code once, as 'code'");
            }
            values.put("code", legacyCode);
        }
        return new TokenParameters(values);
    }

    public Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public String require(String name, String hint) {
        return get(name).orElseThrow(() -> OAuthException.invalidRequest("the parameter '" + name
                + "' is missing; " + hint));
    }
}
