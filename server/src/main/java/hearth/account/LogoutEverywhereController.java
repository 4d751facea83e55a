package hearth.account;

import org.springframework.http.HttpStatus;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Log out everywhere": every token the account ever gave an app is revoked, and every web
 * session it has is deleted, this one included. Sessions are rows in the database, found by the
 * account's name, so this ends them on every node at once.
 */
@RestController
public class LogoutEverywhereController {
    private final CurrentAccount current;
    private final AccountService accounts;
    private final FindByIndexNameSessionRepository<?> sessions;

    public LogoutEverywhereController(CurrentAccount current, AccountService accounts,
                                      FindByIndexNameSessionRepository<?> sessions) {
        this.current = current;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @PostMapping("/api/accounts/me/logout-everywhere")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logoutEverywhere() {
        Account account = current.get();
        accounts.revokeAllTokens(account.id());
        sessions.findByPrincipalName(account.username()).keySet().forEach(sessions::deleteById);
    }
}
