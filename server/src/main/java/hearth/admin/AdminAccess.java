package hearth.admin;

import hearth.account.Account;
import hearth.account.AccountRepository;
import hearth.account.CurrentAccount;
import hearth.web.ApiError;
import hearth.web.Browsers;
import hearth.web.ErrorBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import java.io.IOException;
import java.util.Map;

/**
 * Who may use the admin page and API: an account that is an admin now (read from the database on
 * every request, so a change holds at once). Anyone else gets the answer an unknown address gets.
 */
@Component
class AdminAccess {
    private final CurrentAccount current;
    private final AccountRepository accounts;

    AdminAccess(CurrentAccount current, AccountRepository accounts) {
        this.current = current;
        this.accounts = accounts;
    }

    /** The signed-in admin, or {@link NotHere}. */
    Account require() {
        Account account = current.find().orElseThrow(NotHere::new);
        if (accounts.standing(account.id()).filter(s -> s.admin() && !s.locked()).isEmpty()) {
            throw new NotHere();
        }
        return account;
    }

    static final class NotHere extends RuntimeException {
        NotHere() {
            super(null, null, false, false);
        }
    }

    /** The 404 of an unknown address: the HTML page for a browser, the API's JSON otherwise. */
    @ControllerAdvice(assignableTypes = {AdminController.class, AdminPageController.class})
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class Answer {
        @ExceptionHandler(NotHere.class)
        ResponseEntity<Map<String, Object>> notHere(HttpServletRequest request, HttpServletResponse response)
                throws IOException {
            if (Browsers.wantsPage(request)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return null;
            }
            return ResponseEntity.status(ApiError.NOT_FOUND.status()).body(ErrorBodies.of(ApiError.NOT_FOUND.code(),
                    "nothing here at " + request.getRequestURI()));
        }
    }
}
