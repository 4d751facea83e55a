package hearth.console;

import hearth.account.CurrentAccount;
import hearth.installation.Installation;
import hearth.installation.global.InstallationService;
import hearth.web.ApiException;
import hearth.page.Page;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** "Connected apps": the signed-in account's Installations; change their devices or disconnect them. */
@Controller
@Page
public class ConnectedAppsController {
    private final InstallationService installations;
    private final ConnectedAppViews views;
    private final CurrentAccount current;

    public ConnectedAppsController(InstallationService installations, ConnectedAppViews views,
                                   CurrentAccount current) {
        this.installations = installations;
        this.views = views;
        this.current = current;
    }

    @GetMapping("/apps")
    public ModelAndView list() {
        return new ModelAndView("console/apps", "apps", views.connectedApps(current.id()));
    }

    /** Disconnects the app: runs its uninstalled() and revokes every token it holds for this Installation. */
    @PostMapping("/apps/{id}/disconnect")
    public String disconnect(@PathVariable String id, RedirectAttributes redirect) {
        Installation installation = installations.owned(current.id(), id);
        installations.remove(current.id(), id);
        redirect.addFlashAttribute("notice", installation.label() + " is disconnected; the tokens it held no "
                + "longer work.");
        return "redirect:/apps";
    }

    @GetMapping("/apps/{id}/devices")
    public ModelAndView deviceForm(@PathVariable String id) {
        return new ModelAndView("console/app-devices", "form", views.deviceForm(current.id(), id, null));
    }

    @PostMapping("/apps/{id}/devices")
    public ModelAndView updateDevices(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                                      RedirectAttributes redirect) {
        String accountId = current.id();
        // Only the app's device inputs are read from the form; _csrf and anything else are not choices.
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        // A blank value is the "None" choice of an optional single-device input.
        views.deviceInputNames(accountId, id).forEach(name -> chosen.put(name, form.getOrDefault(name, List.of())
                .stream().filter(v -> !v.isBlank()).toList()));
        try {
            Installation updated = installations.updateDevices(accountId, id, chosen);
            redirect.addFlashAttribute("notice", updated.label() + " now reaches the devices you chose.");
            return new ModelAndView("redirect:/apps");
        } catch (ApiException e) {
            ModelAndView page = new ModelAndView("console/app-devices", "form", views.deviceForm(accountId, id, chosen));
            page.addObject("error", e.getMessage());
            page.setStatus(e.status());
            return page;
        }
    }
}
