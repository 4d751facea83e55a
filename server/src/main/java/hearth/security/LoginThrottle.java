package hearth.security;

import hearth.account.AccountRepository;
import hearth.account.AccountUser;
import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import hearth.support.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows password guessing: after {@value #MAX_PER_USER} failed sign-ins for one username, or
 * {@value #MAX_PER_ADDRESS} from one address, within {@link #WINDOW}, further attempts are
 * refused until the oldest failure leaves the window. Failures are rows in the database, so every
 * node of a Server counts the same ones and a restart forgives nothing; a refused attempt adds
 * none, so one address adds at most {@value #MAX_PER_ADDRESS} rows a window. One query per
 * sign-in attempt (the form, or an HTTP Basic call of the management API), none per OAuth call.
 */
@Component
public class LoginThrottle {
    static final int MAX_PER_USER = 5;
    static final int MAX_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int MAX_KEY = 300;

    private static final String INSERT = "INSERT INTO login_failure (throttle_key, failed_at) VALUES (?, ?)";
    private static final String RECENT = "SELECT throttle_key, COUNT(*) AS failures, MIN(failed_at) AS oldest "
            + "FROM login_failure WHERE throttle_key IN (?, ?) AND failed_at > ? GROUP BY throttle_key";
    private static final String FORGET = "DELETE FROM login_failure WHERE failed_at <= ?";

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AuditLog audit;
    private final Clock clock;

    public LoginThrottle(JdbcClient jdbc, AccountRepository accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** How long the caller must wait, or {@link Duration#ZERO} when it may try. */
    public Duration waitFor(String username, String address) {
        Instant now = clock.instant();
        String user = key("user", username);
        String remote = key("addr", address);
        Duration wait = Duration.ZERO;
        for (Recent recent : jdbc.sql(RECENT).params(user, remote, Times.db(now.minus(WINDOW)))
                .query((rs, n) -> new Recent(rs.getString("throttle_key"), rs.getInt("failures"),
                        Times.instant(rs, "oldest"))).list()) {
            int max = recent.key().equals(user) ? MAX_PER_USER : MAX_PER_ADDRESS;
            if (recent.failures() >= max) {
                Duration until = Duration.between(now, recent.oldest().plus(WINDOW));
                wait = until.compareTo(wait) > 0 ? until : wait;
            }
        }
        return wait;
    }

    public void refused(String username) {
        accounts.findByUsername(username).ifPresent(a -> audit.record(a.id(), AuditEvent.Type.LOGIN_THROTTLED,
                "sign-in refused: too many failed attempts"));
    }

    @EventListener
    public void on(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        Instant now = clock.instant();
        jdbc.sql(INSERT).params(key("user", username), Times.db(now)).update();
        jdbc.sql(INSERT).params(key("addr", remoteAddress()), Times.db(now)).update();
        accounts.findByUsername(username).ifPresent(a -> audit.record(a.id(), AuditEvent.Type.LOGIN_FAILED,
                "failed sign-in: " + event.getException().getClass().getSimpleName()));
    }

    @EventListener
    public void on(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountUser user) {
            audit.record(user.accountId(), AuditEvent.Type.LOGIN_SUCCEEDED, "signed in");
        }
    }

    /** Failures older than the window count for nothing; any node may delete them (it is idempotent). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void forget() {
        jdbc.sql(FORGET).param(Times.db(clock.instant().minus(WINDOW))).update();
    }

    private static String key(String kind, String value) {
        String key = kind + ":" + (value == null ? "" : value.toLowerCase(Locale.ROOT));
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }

    private static String remoteAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getRemoteAddr() : "";
    }

    private record Recent(String key, int failures, Instant oldest) {
    }
}
