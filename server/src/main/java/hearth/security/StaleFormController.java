package hearth.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/** The page {@link StaleForm} forwards to: what happened, and a link that starts the flow again. */
@Controller
class StaleFormController {

    @RequestMapping(StaleForm.PATH)
    ModelAndView staleForm(HttpServletRequest request) {
        Object restart = request.getAttribute(StaleForm.RESTART);
        Object what = request.getAttribute(StaleForm.WHAT);
        ModelAndView page = new ModelAndView("session-expired");
        page.addObject("restart", restart == null ? "/login" : restart);
        page.addObject("what", what == null ? "form" : what);
        page.setStatus(HttpStatus.FORBIDDEN);
        return page;
    }
}
