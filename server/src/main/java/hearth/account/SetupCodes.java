package hearth.account;

import hearth.HearthProperties;
import hearth.support.Secrets;
import hearth.support.Times;
import hearth.web.ApiError;
import hearth.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * The first account of a server without one, made from a browser: at a first start (and when the
 * setup page is opened after the last code expired) a one-time code is printed to the log, as
 * Jenkins does; whoever can read the server's log is its operator. The code has 100 random bits,
 * is kept only as a hash, works once, until it expires ({@code hearth.setup.code-ttl}), and only
 * while the server has no account at all.
 */
@Component
public class SetupCodes {
    private static final Logger log = LoggerFactory.getLogger(SetupCodes.class);
    // 32 letters and digits without the look-alikes (0/O, 1/I): 5 bits each, 20 of them.
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String INSERT = "INSERT INTO setup_code (code_hash, created_at, expires_at) VALUES (?, ?, ?)";
    private static final String LIVE = "SELECT COUNT(*) FROM setup_code WHERE used_at IS NULL AND expires_at > ?";
    private static final String CLAIM = "UPDATE setup_code SET used_at = ? WHERE code_hash = ? AND used_at IS NULL "
            + "AND expires_at > ?";
    private static final String END_ALL = "UPDATE setup_code SET used_at = ? WHERE used_at IS NULL";
    // One first account, even when two nodes (each with a live code of its own) are set up at the
    // same moment: taken before anything else (so no two redemptions hold each other's rows), the
    // second insert of this key waits for the first transaction and then fails. A wrong code rolls
    // it back.
    private static final String FIRST_ACCOUNT = "INSERT INTO hearth_setting (name, setting_value, updated_at) "
            + "VALUES ('setup.first-account', ?, ?)";

    private final JdbcClient jdbc;
    private final AccountRepository accounts;
    private final AccountService service;
    private final HearthProperties properties;
    private final Clock clock;

    public SetupCodes(JdbcClient jdbc, AccountRepository accounts, AccountService service, HearthProperties properties,
                      Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.service = service;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether the server still needs its first account (then the setup page is open). */
    public boolean needed() {
        return accounts.count() == 0;
    }

    /** At a first start: a new code, printed to the log (the previous start's can't be shown again). */
    @Transactional
    public void issue(String setupUrl) {
        if (needed()) {
            announce(setupUrl, newCode());
        }
    }

    /** When the setup page is opened: a new code only if none is still good. */
    @Transactional
    public void issueIfNoneLive(String setupUrl) {
        if (needed() && jdbc.sql(LIVE).param(Times.db(clock.instant())).query(Long.class).single() == 0) {
            announce(setupUrl, newCode());
        }
    }

    /**
     * The first account, an admin, for whoever knows a live code. Refused alike for a wrong, used
     * or expired code; once an account exists every code is dead.
     */
    @Transactional
    public Account redeem(String code, String username, String password) {
        if (!needed()) {
            throw ApiException.notFound("this server has its first account; sign in, or ask an admin");
        }
        Instant now = clock.instant();
        String hash = Secrets.sha256Hex(normalized(code));
        try {
            jdbc.sql(FIRST_ACCOUNT).params(username, Times.db(now)).update();
        } catch (DuplicateKeyException | PessimisticLockingFailureException raced) {
            throw ApiException.notFound("this server has just been given its first account (with another setup "
                    + "code, at the same moment); sign in, or ask that admin");
        }
        if (jdbc.sql(CLAIM).params(Times.db(now), hash, Times.db(now)).update() != 1) {
            throw new ApiException(ApiError.INVALID_REQUEST, "that setup code is wrong, used or expired; the "
                    + "server's log has the current one (open this page again for a new one after it expires)");
        }
        Account account = service.create(username, password, true);
        jdbc.sql(END_ALL).param(Times.db(now)).update();
        return account;
    }

    private String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        Instant now = clock.instant();
        jdbc.sql(INSERT).params(Secrets.sha256Hex(normalized(code.toString())), Times.db(now),
                Times.db(now.plus(properties.setup().codeTtl()))).update();
        return code.toString();
    }

    /** Typed with or without the dashes, in either case, with stray spaces. */
    static String normalized(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    // The one code Hearth ever logs, on purpose: it opens the setup page once, while there is no
    // account, and reading this log is what makes someone the operator.
    private void announce(String setupUrl, String code) {
        log.warn("""

                ================================ Hearth setup ================================
                 This server has no account yet. Make the first one (an admin) at
                   {}
                 with the one-time setup code   {}
                 It works once, for {}. Or: ./hearth admin create-account NAME
                ==============================================================================""",
                setupUrl, code, properties.setup().codeTtl().toMinutes() + " minutes");
    }
}
