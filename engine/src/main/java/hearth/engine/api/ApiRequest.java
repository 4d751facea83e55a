package hearth.engine.api;

import java.util.Map;
import java.util.Objects;

/**
 * One call to an Installation's REST API, already authenticated and authorised by the host.
 *
 * @param method  upper case: GET, POST, PUT, DELETE
 * @param path    the part after {@code /api/smartapps/installations/{id}}, starting with "/"
 * @param query   query parameters, first value of each; the access_token parameter already removed
 * @param headers request headers, names in lower case; Authorization already removed
 * @param body    the request body as text, "" when there is none
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
                         String body) {
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        body = body == null ? "" : body;
    }

    public String contentType() {
        return headers.getOrDefault("content-type", "");
    }
}
