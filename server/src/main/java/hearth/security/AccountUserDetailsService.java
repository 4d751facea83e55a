package hearth.security;

import hearth.account.AccountRepository;
import hearth.account.AccountUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
public class AccountUserDetailsService implements UserDetailsService {
    private final AccountRepository accounts;

    public AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.findCredentials(username)
                .map(c -> new AccountUser(c.account().id(), c.account().username(), c.passwordHash(),
                        c.standing().admin(), c.standing().locked()))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
