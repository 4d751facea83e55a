package hearth.admin;

import hearth.account.AccountRepository.Standing;
import hearth.account.AccountService;
import hearth.account.SignupPolicy;
import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** What an admin does, for the page and the API alike; every change is in the audit log. */
@Service
class AdminService {
    private final AccountService accounts;
    private final SignupPolicy signup;
    private final AuditLog audit;
    private final FindByIndexNameSessionRepository<?> sessions;

    AdminService(AccountService accounts, SignupPolicy signup, AuditLog audit,
                 FindByIndexNameSessionRepository<?> sessions) {
        this.accounts = accounts;
        this.signup = signup;
        this.audit = audit;
        this.sessions = sessions;
    }

    List<Standing> accounts() {
        return accounts.all();
    }

    Standing account(String id) {
        return accounts.standing(id);
    }

    Standing create(String adminId, String username, String password, boolean admin) {
        Standing created = accounts.standing(accounts.create(username, password, admin).id());
        audit.record(adminId, AuditEvent.Type.ACCOUNT_CREATED, "created account " + username
                + (admin ? " as an admin" : ""));
        return created;
    }

    /** A new password, shown once; the account is signed out everywhere. */
    String resetPassword(String adminId, String id) {
        String password = accounts.resetPassword(adminId, id);
        endSessions(id);
        return password;
    }

    /** Signed out everywhere and unable to sign in again until unlocked. */
    Standing lock(String adminId, String id) {
        Standing locked = accounts.lock(adminId, id);
        endSessions(id);
        return locked;
    }

    Standing unlock(String adminId, String id) {
        return accounts.unlock(adminId, id);
    }

    boolean signupOpen() {
        return signup.open();
    }

    @Transactional
    void setSignup(String adminId, boolean open) {
        signup.set(open);
        audit.record(adminId, AuditEvent.Type.SIGNUP_CHANGED, "sign-up turned " + (open ? "on" : "off"));
    }

    private void endSessions(String id) {
        String username = accounts.standing(id).account().username();
        sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
    }
}
