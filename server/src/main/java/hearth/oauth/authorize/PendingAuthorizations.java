package hearth.oauth.authorize;

import jakarta.servlet.http.HttpSession;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Authorization requests in progress, in the user's session, by id: each tab's flow is its own,
 * and nothing about a flow survives the session (no incognito window needed to start over).
 */
final class PendingAuthorizations {
    private static final String ATTRIBUTE = PendingAuthorizations.class.getName();
    private static final int MAX = 10;
    static final Duration LIFETIME = Duration.ofMinutes(30);

    private PendingAuthorizations() {
    }

    public static void put(HttpSession session, AuthorizationRequest request) {
        synchronized (session) {
            Map<String, AuthorizationRequest> all = all(session);
            while (all.size() >= MAX) {
                all.remove(all.keySet().iterator().next());
            }
            all.put(request.id(), request);
            session.setAttribute(ATTRIBUTE, all);
        }
    }

    static Optional<AuthorizationRequest> get(HttpSession session, String id, Instant now) {
        if (session == null || id == null) {
            return Optional.empty();
        }
        synchronized (session) {
            return Optional.ofNullable(all(session).get(id))
                    .filter(r -> now.isBefore(r.createdAt().plus(LIFETIME)));
        }
    }

    static void remove(HttpSession session, String id) {
        synchronized (session) {
            Map<String, AuthorizationRequest> all = all(session);
            all.remove(id);
            session.setAttribute(ATTRIBUTE, all);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, AuthorizationRequest> all(HttpSession session) {
        Object value = session.getAttribute(ATTRIBUTE);
        return value instanceof LinkedHashMap<?, ?> map ? (Map<String, AuthorizationRequest>) map : new LinkedHashMap<>();
    }
}
