package hearth.api;

import hearth.oauth.TokenService.InvalidTokenException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

import java.util.List;

/**
 * Finds the bearer token of a request (RFC 6750): the Authorization header, or the classic
 * {@code access_token} query parameter, never both.
 */
public final class BearerTokens {
    public static final String QUERY_PARAMETER = "access_token";
    private static final String PREFIX = "Bearer ";

    private BearerTokens() {
    }

    /** The token if the client sent it as the {@code access_token} query parameter, else null. */
    public static String fromQuery(QueryParameters query) {
        List<String> values = query.all(QUERY_PARAMETER);
        return values.size() == 1 && !values.get(0).isBlank() ? values.get(0) : null;
    }

    public static String extract(HttpServletRequest request) {
        return extract(request.getHeader(HttpHeaders.AUTHORIZATION), request.getHeader("Authorize"),
                QueryParameters.parse(request.getQueryString()));
    }

    /**
     * @param authorize the classic platform's mistaken {@code Authorize} header, only to say what went wrong
     * @throws InvalidTokenException saying how to send the token
     */
    public static String extract(String authorization, String authorize, QueryParameters query) {
        List<String> fromQuery = query.all(QUERY_PARAMETER);
        if (fromQuery.size() > 1) {
            throw new InvalidTokenException("access_token appears " + fromQuery.size() + " times; send it once");
        }
        String queryToken = fromQuery.isEmpty() ? null : fromQuery.get(0);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                    || authorization.length() <= PREFIX.length()) {
                throw new InvalidTokenException("the Authorization header must be 'Bearer ' followed by the "
                        + "access token");
            }
            if (queryToken != null) {
                throw new InvalidTokenException("the token was sent both in the Authorization header and as "
                        + "access_token; send it one way only (RFC 6750 §2)");
            }
            return authorization.substring(PREFIX.length()).trim();
        }
        if (queryToken != null && !queryToken.isBlank()) {
            return queryToken;
        }
        if (authorize != null) {
            // The classic platform's own example said "Authorize: Bearer ..."; tell people what went wrong.
            throw new InvalidTokenException("there is no 'Authorization' header; the header 'Authorize' is not "
                    + "read: send 'Authorization: Bearer TOKEN'");
        }
        throw new InvalidTokenException("no access token in the request; send the header "
                + "'Authorization: Bearer TOKEN' (or the query parameter access_token=TOKEN)");
    }
}
