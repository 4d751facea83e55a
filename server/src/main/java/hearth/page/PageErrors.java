package hearth.page;

import hearth.web.ApiException;
import hearth.web.ServerUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * For the pages ({@link Page}) only: a caller's mistake (an id that isn't theirs, say) as a page
 * in words, with the one navigation, rather than the management API's JSON.
 */
@ControllerAdvice(annotations = Page.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {
    private final PageHeader header;

    PageErrors(PageHeader header) {
        this.header = header;
    }

    @ExceptionHandler(ApiException.class)
    ModelAndView mistake(ApiException e, HttpServletRequest request) {
        return page(e.getMessage(), e.status(), request);
    }

    @ExceptionHandler(ServerUnavailableException.class)
    ModelAndView unavailable(ServerUnavailableException e, HttpServletRequest request) {
        return page("The server '" + e.server() + "' is not answering; try again in a few minutes.",
                HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    private ModelAndView page(String message, HttpStatus status, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("console/error");
        page.addObject("message", message);
        page.setStatus(status);
        header.addTo(page, request);
        return page;
    }
}
