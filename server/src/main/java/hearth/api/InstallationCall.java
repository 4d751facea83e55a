package hearth.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call of an Installation's own API, as read off the HTTP request: no servlet types.
 *
 * @param path       what follows the Installation's uri, decoded; null when it has a malformed escape
 * @param query      the query parameters but {@code access_token}, first value of each, decoded
 * @param malformed  whether the path or query has a malformed %-escape
 * @param headers    lower-case names; credentials (Authorization, Cookie) are left out
 * @param body       at most {@link InstallationApi#MAX_BODY} + 1 bytes: one more means it was larger
 * @param queryToken the token when the client sent it as {@code ?access_token=}, else null
 * @param baseUrl    this Server's public base URL, for the app's {@code apiServerUrl()}
 */
public record InstallationCall(String method, String path, Map<String, String> query, boolean malformed,
                               Map<String, String> headers, byte[] body, String queryToken, String baseUrl) {
    public InstallationCall {
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    @Override
    public String toString() {
        return "InstallationCall[" + method + " " + path + "]";
    }
}
