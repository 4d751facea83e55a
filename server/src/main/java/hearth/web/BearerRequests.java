package hearth.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/** Whether a request carries a bearer token ({@code Authorization: Bearer …}, RFC 6750 §2.1; the scheme in any case). */
public final class BearerRequests {
    private static final String SCHEME = "Bearer ";

    private BearerRequests() {
    }

    public static boolean carriesBearer(HttpServletRequest request) {
        return isBearer(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    public static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }
}
