package hearth.account;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;

/** Spring Security's view of an Account: carries the account id so nothing looks it up by name twice. */
public class AccountUser extends User {
    private final String accountId;

    public AccountUser(String accountId, String username, String passwordHash) {
        super(username, passwordHash, AuthorityUtils.createAuthorityList("ROLE_USER"));
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }
}
