package hearth.admin;

import hearth.account.SetupCodes;
import hearth.page.Page;
import hearth.server.PublicUrls;
import hearth.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The first-run page: while the server has no account, whoever has the setup code from the log
 * makes the first account, an admin. After that the page is gone (404).
 */
@Controller
@Page
class SetupController {
    private final SetupCodes codes;
    private final PublicUrls urls;

    SetupController(SetupCodes codes, PublicUrls urls) {
        this.codes = codes;
        this.urls = urls;
    }

    @GetMapping("/setup")
    ModelAndView form(HttpServletRequest request) {
        requireNoAccount();
        codes.issueIfNoneLive(urls.baseUrl(request) + "/setup");
        return page(null, null, HttpStatus.OK);
    }

    @PostMapping("/setup")
    ModelAndView setUp(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String username,
                       @RequestParam(defaultValue = "") String password) {
        requireNoAccount();
        try {
            codes.redeem(code, username.trim(), password);
        } catch (ApiException e) {
            return page(username, e.getMessage(), e.status());
        }
        return new ModelAndView("redirect:/login?setUp");
    }

    private void requireNoAccount() {
        if (!codes.needed()) {
            throw ApiException.notFound("this server is set up: it has accounts. Sign in, or ask an admin for one.");
        }
    }

    private static ModelAndView page(String username, String error, HttpStatus status) {
        ModelAndView page = new ModelAndView("setup");
        page.addObject("username", username);
        page.addObject("error", error);
        page.setStatus(status);
        return page;
    }
}
