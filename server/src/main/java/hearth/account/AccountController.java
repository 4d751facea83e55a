package hearth.account;

import hearth.web.ApiError;
import hearth.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
public class AccountController {
    private final AccountService accounts;
    private final SignupPolicy signup;

    public AccountController(AccountService accounts, SignupPolicy signup) {
        this.accounts = accounts;
        this.signup = signup;
    }

    @PostMapping("/api/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> signUp(@RequestBody SignUpRequest request) {
        if (!signup.open()) {
            throw new ApiException(ApiError.SIGNUP_DISABLED,
                    "sign-up is turned off on this server; ask its operator (an admin) for an account");
        }
        Account account = accounts.signUp(request.username(), request.password());
        return Map.of("id", account.id(), "username", account.username());
    }

    public record SignUpRequest(String username, String password) {
        @Override
        public String toString() {
            return "SignUpRequest[" + username + "]";
        }
    }
}
