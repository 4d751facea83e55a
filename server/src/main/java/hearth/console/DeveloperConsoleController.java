package hearth.console;

import hearth.HearthProperties;
import hearth.account.CurrentAccount;
import hearth.engine.api.CompilationProblem;
import hearth.installation.global.InstallationService;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService.Registered;
import hearth.smartapp.SmartAppService.SourceRejectedException;
import hearth.smartapp.SmartAppService;
import hearth.web.ApiException;
import hearth.page.Page;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * The developer console: the signed-in account's SmartApps. A client secret reaches a page
 * only once, as a flash attribute right after it was made (create or rotate); Hearth keeps
 * only its hash, so no later page could show it.
 */
@Controller
@Page
public class DeveloperConsoleController {
    private final SmartAppService apps;
    private final ConsoleAppViews views;
    private final CurrentAccount current;
    private final HearthProperties properties;
    private final InstallationService installations;

    public DeveloperConsoleController(SmartAppService apps, ConsoleAppViews views, CurrentAccount current,
                                      HearthProperties properties, InstallationService installations) {
        this.installations = installations;
        this.apps = apps;
        this.views = views;
        this.current = current;
        this.properties = properties;
    }

    @GetMapping("/console")
    public ModelAndView index() {
        return indexPage(SmartAppForm.blank());
    }

    @PostMapping("/console/apps")
    public ModelAndView create(@ModelAttribute("form") SmartAppForm form, RedirectAttributes redirect) {
        try {
            Registered registered = apps.register(current.id(),
                    form.toChanges(false, properties.oauth().accessTokenTtl(), false));
            redirect.addFlashAttribute("clientSecret", registered.clientSecret());
            redirect.addFlashAttribute("notice", registered.app().name() + " is registered.");
            return new ModelAndView("redirect:/console/apps/" + registered.app().id());
        } catch (ApiException e) {
            return refused(indexPage(form.withSource(form.chosenSource())), e);
        }
    }

    @GetMapping("/console/apps/{id}")
    public ModelAndView app(@PathVariable String id) {
        return appPage(id, SmartAppForm.of(apps.owned(current.id(), id)));
    }

    @PostMapping("/console/apps/{id}")
    public ModelAndView update(@PathVariable String id, @ModelAttribute("form") SmartAppForm form,
                               RedirectAttributes redirect) {
        SmartAppRecord app = apps.owned(current.id(), id);
        try {
            apps.update(current.id(), id, form.toChanges(true, properties.oauth().accessTokenTtl(),
                    app.accessTokenTtl().equals(SmartAppService.LEGACY_TOKEN_TTL)));
            redirect.addFlashAttribute("notice", "Saved.");
            return new ModelAndView("redirect:/console/apps/" + id);
        } catch (ApiException e) {
            String source = form.chosenSource();
            return refused(appPage(id, form.withSource(source == null ? app.source() : source)), e);
        }
    }

    /** A new client secret, shown this once; the old one stops working at once. */
    @PostMapping("/console/apps/{id}/secret")
    public String rotateSecret(@PathVariable String id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("clientSecret", apps.rotateSecret(current.id(), id));
        redirect.addFlashAttribute("notice", "A new client secret was made; the old one no longer works.");
        return "redirect:/console/apps/" + id;
    }

    /** For a breached vendor: every grant and token of the app, in every Installation, stops working. */
    @PostMapping("/console/apps/{id}/tokens")
    public String revokeTokens(@PathVariable String id, RedirectAttributes redirect) {
        apps.revokeAllTokens(current.id(), id);
        redirect.addFlashAttribute("notice", "Every token of this app is revoked; its users must connect it again.");
        return "redirect:/console/apps/" + id;
    }

    /** The app goes, with every Installation of it in anyone's home (the page asked first, saying how many). */
    @PostMapping("/console/apps/{id}/delete")
    public String delete(@PathVariable String id, RedirectAttributes redirect) {
        SmartAppRecord app = apps.owned(current.id(), id);
        int removed = installations.removeSmartApp(current.id(), id);
        redirect.addFlashAttribute("notice", app.name() + " is deleted, with " + removed + " Installation"
                + (removed == 1 ? "" : "s") + "; its tokens no longer work.");
        return "redirect:/console";
    }

    private ModelAndView indexPage(SmartAppForm form) {
        ModelAndView page = new ModelAndView("console/index");
        page.addObject("apps", views.summaries(current.id()));
        return withFormChoices(page, form);
    }

    private ModelAndView appPage(String id, SmartAppForm form) {
        ModelAndView page = new ModelAndView("console/app");
        page.addObject("app", views.detail(current.id(), id));
        return withFormChoices(page, form);
    }

    private ModelAndView withFormChoices(ModelAndView page, SmartAppForm form) {
        page.addObject("form", form);
        page.addObject("editor", SourceEditor.of(form.source(), List.of()));
        page.addObject("serverChoices", views.serverChoices());
        page.addObject("defaultAccessTtl", properties.oauth().accessTokenTtl().getSeconds());
        page.addObject("defaultRefreshTtl", properties.oauth().refreshTokenTtl().getSeconds());
        return page;
    }

    /**
     * The page again with the form as sent and the reason; a refused source's problems are shown
     * in the editor, each at its line.
     */
    private static ModelAndView refused(ModelAndView page, ApiException e) {
        List<CompilationProblem> problems = e instanceof SourceRejectedException rejected
                ? rejected.compilation().problems() : List.of();
        if (problems.isEmpty()) {
            page.addObject("error", e.getMessage());
        } else {
            SourceEditor editor = SourceEditor.of(((SmartAppForm) page.getModel().get("form")).source(), problems);
            page.addObject("editor", editor);
            page.addObject("error", "The source was refused: " + editor.problemCount() + " problem"
                    + (editor.problemCount() == 1 ? "" : "s") + ", shown at their lines in the source below.");
        }
        page.setStatus(e.status());
        return page;
    }
}
