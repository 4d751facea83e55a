package hearth.api;

import hearth.oauth.TokenService.InvalidTokenException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/**
 * Finds the bearer token of a request (RFC 6750): the Authorization header, or the classic
 * {@code access_token} query parameter, never both. The query string is read by hand so a
 * form body is left for the SmartApp.
 */
public final class BearerTokens {
    public static final String QUERY_PARAMETER = "access_token";
    private static final String PREFIX = "Bearer ";

    private BearerTokens() {
    }

    /** The token if the client sent it as the {@code access_token} query parameter, else null. */
    public static String fromQuery(HttpServletRequest request) {
        List<String> values = queryValues(request);
        return values.size() == 1 && !values.get(0).isBlank() ? values.get(0) : null;
    }

    public static String extract(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        List<String> fromQuery = queryValues(request);
        if (fromQuery.size() > 1) {
            throw new InvalidTokenException("access_token appears " + fromQuery.size() + " times; send it once");
        }
        String queryToken = fromQuery.isEmpty() ? null : fromQuery.get(0);
        if (header != null) {
            if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || header.length() <= PREFIX.length()) {
                throw new InvalidTokenException("the Authorization header must be 'Bearer ' followed by the "
                        + "access token");
            }
            if (queryToken != null) {
                throw new InvalidTokenException("the token was sent both in the Authorization header and as "
                        + "access_token; send it one way only (RFC 6750 §2)");
            }
            return header.substring(PREFIX.length()).trim();
        }
        if (queryToken != null && !queryToken.isBlank()) {
            return queryToken;
        }
        if (request.getHeader("Authorize") != null) {
            // The classic platform's own example said "Authorize: Bearer ..."; tell people what went wrong.
            throw new InvalidTokenException("there is no 'Authorization' header; the header 'Authorize' is not "
                    + "read: send 'Authorization: Bearer TOKEN'");
        }
        throw new InvalidTokenException("no access token in the request; send the header "
                + "'Authorization: Bearer TOKEN' (or the query parameter access_token=TOKEN)");
    }

    private static List<String> queryValues(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null || !query.contains(QUERY_PARAMETER)) {
            return List.of();
        }
        List<String> values = UriComponentsBuilder.newInstance().query(query).build().getQueryParams()
                .getOrDefault(QUERY_PARAMETER, List.of());
        return values.stream().map(v -> v == null ? "" : java.net.URLDecoder.decode(v,
                java.nio.charset.StandardCharsets.UTF_8)).toList();
    }
}
