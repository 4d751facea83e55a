package hearth.security;

import hearth.account.AccountRepository;
import hearth.account.AccountUser;
import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@value #MAX_PER_USER} failed sign-ins for one username, or
 * {@value #MAX_PER_ADDRESS} from one address, within {@link #WINDOW}, further attempts are
 * refused until the oldest failure leaves the window. Counts live in memory: a restart forgives,
 * which is the price of needing no shared store.
 */
@Component
public class LoginThrottle {
    static final int MAX_PER_USER = 5;
    static final int MAX_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int MAX_KEYS = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final AccountRepository accounts;
    private final AuditLog audit;
    private final Clock clock;

    public LoginThrottle(AccountRepository accounts, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** How long the caller must wait, or {@link Duration#ZERO} when it may try. */
    public Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = wait(key("user", username), MAX_PER_USER, now);
        Duration remote = wait(key("addr", address), MAX_PER_ADDRESS, now);
        return user.compareTo(remote) >= 0 ? user : remote;
    }

    public void refused(String username) {
        accounts.findByUsername(username).ifPresent(a -> audit.record(a.id(), AuditEvent.Type.LOGIN_THROTTLED,
                "sign-in refused: too many failed attempts"));
    }

    @EventListener
    public void on(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.clear();   // a flood of made-up names must not grow memory without bound
        }
        add(key("user", username), now);
        add(key("addr", remoteAddress()), now);
        accounts.findByUsername(username).ifPresent(a -> audit.record(a.id(), AuditEvent.Type.LOGIN_FAILED,
                "failed sign-in: " + event.getException().getClass().getSimpleName()));
    }

    @EventListener
    public void on(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountUser user) {
            audit.record(user.accountId(), AuditEvent.Type.LOGIN_SUCCEEDED, "signed in");
        }
    }

    private Duration wait(String key, int max, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
                times.pollFirst();
            }
            if (times.size() < max) {
                return Duration.ZERO;
            }
            return Duration.between(now, times.peekFirst().plus(WINDOW));
        }
    }

    private void add(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (times.size() > MAX_PER_ADDRESS) {
                times.pollFirst();
            }
        }
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.toLowerCase(Locale.ROOT));
    }

    private static String remoteAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getRemoteAddr() : "";
    }
}
