package hearth.admin;

import hearth.page.Page;
import hearth.support.PageTimes;
import hearth.support.Secrets;
import hearth.web.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** The admin page: accounts, sign-up on or off. A password made here is shown once, as a flash attribute. */
@Controller
@Page
class AdminPageController {
    private final AdminAccess access;
    private final AdminService admin;

    AdminPageController(AdminAccess access, AdminService admin) {
        this.access = access;
        this.admin = admin;
    }

    record Row(String id, String username, String created, boolean admin, boolean locked, boolean you) {
    }

    @GetMapping("/admin")
    ModelAndView page() {
        String me = access.require().id();
        List<Row> rows = admin.accounts().stream().map(s -> new Row(s.account().id(), s.account().username(),
                PageTimes.format(s.account().createdAt(), ""), s.admin(), s.locked(), s.account().id().equals(me))).toList();
        ModelAndView page = new ModelAndView("admin");
        page.addObject("accounts", rows);
        page.addObject("signupOpen", admin.signupOpen());
        return page;
    }

    @PostMapping("/admin/signup")
    String signup(@RequestParam boolean enabled, RedirectAttributes redirect) {
        admin.setSignup(access.require().id(), enabled);
        redirect.addFlashAttribute("notice", "Sign-up is " + (enabled ? "on: anyone can create an account."
                : "off: only an admin can create accounts."));
        return "redirect:/admin";
    }

    @PostMapping("/admin/accounts")
    String create(@RequestParam(defaultValue = "") String username,
                  @RequestParam(defaultValue = "false") boolean makeAdmin, RedirectAttributes redirect) {
        String adminId = access.require().id();
        String password = Secrets.newSecret().substring(0, 20);
        try {
            admin.create(adminId, username.trim(), password, makeAdmin);
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("username", username);
            return "redirect:/admin";
        }
        redirect.addFlashAttribute("notice", username.trim() + " can sign in now.");
        redirect.addFlashAttribute("passwordFor", username.trim());
        redirect.addFlashAttribute("password", password);
        return "redirect:/admin";
    }

    @PostMapping("/admin/accounts/{id}/password")
    String resetPassword(@PathVariable String id, RedirectAttributes redirect) {
        String adminId = access.require().id();
        String username = admin.account(id).account().username();
        redirect.addFlashAttribute("password", admin.resetPassword(adminId, id));
        redirect.addFlashAttribute("passwordFor", username);
        redirect.addFlashAttribute("notice", "A new password for " + username + "; they are signed out everywhere.");
        return "redirect:/admin";
    }

    @PostMapping("/admin/accounts/{id}/lock")
    String lock(@PathVariable String id, RedirectAttributes redirect) {
        String username = admin.lock(access.require().id(), id).account().username();
        redirect.addFlashAttribute("notice", username + " is locked: signed out everywhere, and can't sign in.");
        return "redirect:/admin";
    }

    @PostMapping("/admin/accounts/{id}/unlock")
    String unlock(@PathVariable String id, RedirectAttributes redirect) {
        String username = admin.unlock(access.require().id(), id).account().username();
        redirect.addFlashAttribute("notice", username + " is unlocked and can sign in again.");
        return "redirect:/admin";
    }
}
