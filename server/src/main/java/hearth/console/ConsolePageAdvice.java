package hearth.console;

import hearth.account.Account;
import hearth.account.CurrentAccount;
import hearth.web.ApiException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * For the console's pages only: the signed-in account for the header, and a caller's mistake
 * (an id that isn't theirs, say) as a page in words rather than the management API's JSON.
 */
@ControllerAdvice(assignableTypes = {ConnectedAppsController.class, DeveloperConsoleController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePageAdvice {
    private final CurrentAccount current;

    ConsolePageAdvice(CurrentAccount current) {
        this.current = current;
    }

    @ModelAttribute("account")
    Account account() {
        return current.find().orElse(null);
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView mistake(ApiException e) {
        ModelAndView page = new ModelAndView("console/error");
        page.addObject("account", current.find().orElse(null));
        page.addObject("message", e.getMessage());
        page.setStatus(e.status());
        return page;
    }
}
