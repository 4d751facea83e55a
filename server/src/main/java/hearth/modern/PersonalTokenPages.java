package hearth.modern;

import hearth.account.CurrentAccount;
import hearth.page.Page;
import hearth.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * "Access tokens": the signed-in account's personal access tokens, made with a name, scopes and
 * an expiry; a new token is shown in the answer to its form only (never kept in the session).
 */
@Controller
@Page
public class PersonalTokenPages {
    private final PersonalTokens tokens;
    private final PersonalTokenViews views;
    private final CurrentAccount current;

    public PersonalTokenPages(PersonalTokens tokens, PersonalTokenViews views, CurrentAccount current) {
        this.tokens = tokens;
        this.views = views;
        this.current = current;
    }

    @GetMapping("/tokens")
    public ModelAndView list() {
        return page(null);
    }

    @PostMapping("/tokens")
    public ModelAndView create(@RequestParam(defaultValue = "") String name,
                               @RequestParam(required = false) List<String> scopes,
                               @RequestParam(defaultValue = "1") long days, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        try {
            PersonalTokens.Created created = tokens.create(current.id(), name, scopes, days * 86_400L);
            ModelAndView page = page(null);
            page.addObject("created", created.secret());
            page.addObject("createdName", created.token().name());
            return page;
        } catch (ApiException e) {
            ModelAndView page = page(e.getMessage());
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
    }

    @PostMapping("/tokens/{id}/revoke")
    public String revoke(@PathVariable String id, RedirectAttributes redirect) {
        tokens.revoke(current.id(), id);
        redirect.addFlashAttribute("notice", "The token is revoked; it no longer works.");
        return "redirect:/tokens";
    }

    private ModelAndView page(String error) {
        ModelAndView page = new ModelAndView("tokens");
        page.addObject("tokens", views.rows(current.id()));
        page.addObject("scopeChoices", views.choices());
        if (error != null) {
            page.addObject("error", error);
        }
        return page;
    }
}
