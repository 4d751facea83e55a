package hearth.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request comes from a person's browser (which asks for {@code text/html} by name) or
 * from an API client (curl sends {@code *}{@code /*}, scripts ask for JSON): errors answer each in its
 * own form.
 */
public final class Browsers {
    private Browsers() {
    }

    public static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html");
    }
}
