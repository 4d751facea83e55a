package hearth.account;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Log out everywhere": every token the account ever gave an app is revoked, and every web
 * session it has is ended, this one included.
 */
@RestController
public class LogoutEverywhereController {
    private final CurrentAccount current;
    private final AccountService accounts;
    private final SessionRegistry sessions;

    public LogoutEverywhereController(CurrentAccount current, AccountService accounts, SessionRegistry sessions) {
        this.current = current;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @PostMapping("/api/accounts/me/logout-everywhere")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logoutEverywhere() {
        Account account = current.get();
        accounts.revokeAllTokens(account.id());
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof AccountUser user && user.accountId().equals(account.id())) {
                sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
