package hearth.account;

import hearth.account.AccountRepository.Standing;
import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import hearth.support.Secrets;
import hearth.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

@Service
public class AccountService {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{3,100}");
    private static final int MIN_PASSWORD = 8;

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    public AccountService(AccountRepository accounts, PasswordEncoder passwords, ApplicationEventPublisher events,
                          AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Account signUp(String username, String password) {
        return create(username, password, false);
    }

    /** A new account; {@code admin} ones come from the operator (setup page, command, admin page, demo). */
    @Transactional
    public Account create(String username, String password, boolean admin) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("username must be 3 to 100 letters, digits or . _ @ + -");
        }
        checkPassword(password);
        if (accounts.findByUsername(username).isPresent()) {
            throw ApiException.conflict("the username '" + username + "' is taken; choose another or log in");
        }
        Account account = new Account(UUID.randomUUID().toString(), username, clock.instant());
        accounts.insert(account, passwords.encode(password), admin);
        audit.record(account.id(), AuditEvent.Type.ACCOUNT_CREATED, "account " + username + " created"
                + (admin ? " as an admin" : ""));
        return account;
    }

    /** Log out everywhere: every token this account gave any app is revoked (by the OAuth side, which listens). */
    @Transactional
    public void revokeAllTokens(String accountId) {
        events.publishEvent(new AccountTokensRevoked(accountId));
    }

    public Account byUsername(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> ApiException.notFound("no account named '" + username + "'"));
    }

    public List<Standing> all() {
        return accounts.all();
    }

    public Standing standing(String id) {
        return accounts.standing(id).filter(s -> !s.account().username().startsWith("@"))
                .orElseThrow(() -> ApiException.notFound("no account with id " + id));
    }

    /**
     * An admin sets a new password, made here and shown once; the account's web sessions end (the
     * caller ends them), its apps keep their tokens.
     */
    @Transactional
    public String resetPassword(String adminId, String id) {
        Standing target = standing(id);
        String password = Secrets.newSecret().substring(0, 20);
        accounts.setPasswordHash(id, passwords.encode(password));
        audit.record(id, AuditEvent.Type.PASSWORD_RESET, "password reset by an admin (" + adminName(adminId) + ")");
        audit.record(adminId, AuditEvent.Type.PASSWORD_RESET, "reset the password of " + target.account().username());
        return password;
    }

    /** The operator, on the server's machine, sets a password ({@code ./hearth admin reset-password}). */
    @Transactional
    public void setPassword(String id, String password, String how) {
        checkPassword(password);
        accounts.setPasswordHash(id, passwords.encode(password));
        audit.record(id, AuditEvent.Type.PASSWORD_RESET, "password " + how);
    }

    /** A locked account can't sign in (page or HTTP Basic); its apps keep working. */
    @Transactional
    public Standing lock(String adminId, String id) {
        Standing target = standing(id);
        if (id.equals(adminId)) {
            throw ApiException.badRequest("you can't lock your own account; another admin can");
        }
        accounts.lock(id, clock.instant());
        audit.record(id, AuditEvent.Type.ACCOUNT_LOCKED, "locked by an admin (" + adminName(adminId) + ")");
        audit.record(adminId, AuditEvent.Type.ACCOUNT_LOCKED, "locked " + target.account().username());
        return standing(id);
    }

    @Transactional
    public Standing unlock(String adminId, String id) {
        Standing target = standing(id);
        accounts.unlock(id);
        audit.record(id, AuditEvent.Type.ACCOUNT_UNLOCKED, "unlocked by an admin (" + adminName(adminId) + ")");
        audit.record(adminId, AuditEvent.Type.ACCOUNT_UNLOCKED, "unlocked " + target.account().username());
        return standing(id);
    }

    private String adminName(String adminId) {
        return accounts.findById(adminId).map(Account::username).orElse(adminId);
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw ApiException.badRequest("password must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > 200) {
            throw ApiException.badRequest("password must be at most 200 characters");
        }
    }
}
