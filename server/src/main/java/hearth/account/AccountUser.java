package hearth.account;

import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;

/**
 * Spring Security's view of an Account: carries the account id so nothing looks it up by name
 * twice; an admin has {@code ROLE_ADMIN} too; a locked account can't sign in.
 */
public class AccountUser extends User {
    // Web sessions hold this object (serialized, in the database): the value it had before the
    // admin and locked flags came, so sessions signed in before an upgrade stay signed in.
    private static final long serialVersionUID = -3109295951365343875L;

    private final String accountId;

    public AccountUser(String accountId, String username, String passwordHash, boolean admin, boolean locked) {
        super(username, passwordHash, true, true, true, !locked, admin
                ? AuthorityUtils.createAuthorityList("ROLE_USER", "ROLE_ADMIN")
                : AuthorityUtils.createAuthorityList("ROLE_USER"));
        this.accountId = accountId;
    }

    public String accountId() {
        return accountId;
    }
}
