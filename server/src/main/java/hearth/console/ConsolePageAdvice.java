package hearth.console;

import hearth.account.PageHeader;
import jakarta.servlet.http.HttpServletRequest;
import hearth.web.ApiException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * For the pages only: a caller's mistake
 * (an id that isn't theirs, say) as a page in words rather than the management API's JSON.
 */
@ControllerAdvice(assignableTypes = {ConnectedAppsController.class, DeveloperConsoleController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePageAdvice {
    private final PageHeader header;

    ConsolePageAdvice(PageHeader header) {
        this.header = header;
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView mistake(ApiException e, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("console/error");
        page.addObject("message", e.getMessage());
        page.setStatus(e.status());
        header.addTo(page, request);
        return page;
    }
}
