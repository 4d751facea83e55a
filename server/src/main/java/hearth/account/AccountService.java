package hearth.account;

import hearth.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

@Service
public class AccountService {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{3,100}");
    private static final int MIN_PASSWORD = 8;

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public AccountService(AccountRepository accounts, PasswordEncoder passwords, ApplicationEventPublisher events,
                          Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Account signUp(String username, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.badRequest("username must be 3 to 100 letters, digits or . _ @ + -");
        }
        if (password == null || password.length() < MIN_PASSWORD) {
            throw ApiException.badRequest("password must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.length() > 200) {
            throw ApiException.badRequest("password must be at most 200 characters");
        }
        if (accounts.findByUsername(username).isPresent()) {
            throw ApiException.conflict("the username '" + username + "' is taken; choose another or log in");
        }
        Account account = new Account(UUID.randomUUID().toString(), username, clock.instant());
        accounts.insert(account, passwords.encode(password));
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
}
