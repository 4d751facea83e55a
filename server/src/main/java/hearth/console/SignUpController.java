package hearth.console;

import hearth.account.AccountService;
import hearth.account.SignupPolicy;
import hearth.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The sign-up page. A new account is sent on to the login page rather than signed in here, so
 * every sign-in goes through the one login form (with its throttling and audit), and a pending
 * {@code /oauth/authorize} that sent the person here resumes after it.
 */
@Controller
public class SignUpController {
    private final AccountService accounts;
    private final SignupPolicy signup;

    public SignUpController(AccountService accounts, SignupPolicy signup) {
        this.accounts = accounts;
        this.signup = signup;
    }

    @GetMapping("/signup")
    public ModelAndView form() {
        return page(null, null, signup.open() ? HttpStatus.OK : HttpStatus.FORBIDDEN);
    }

    @PostMapping("/signup")
    public ModelAndView signUp(@RequestParam(defaultValue = "") String username,
                               @RequestParam(defaultValue = "") String password) {
        if (!signup.open()) {
            return page(null, null, HttpStatus.FORBIDDEN);
        }
        try {
            accounts.signUp(username.trim(), password);
        } catch (ApiException e) {
            return page(username, e.getMessage(), e.status());
        }
        return new ModelAndView("redirect:/login?signedUp");
    }

    private ModelAndView page(String username, String error, HttpStatus status) {
        ModelAndView page = new ModelAndView("signup");
        page.addObject("signupEnabled", signup.open());
        page.addObject("username", username);
        page.addObject("error", error);
        page.setStatus(status);
        return page;
    }
}
