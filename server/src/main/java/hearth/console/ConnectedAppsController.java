package hearth.console;

import hearth.account.CurrentAccount;
import hearth.installation.Installation;
import hearth.installation.global.InstallationService;
import hearth.web.ApiException;
import hearth.page.Page;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

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

    /**
     * The Installation's own pages, as the app declares them (issue 17); no name: its first page.
     * The query's fields are the page's params, as an app's {@code href(page:, params:)} gave them.
     */
    @GetMapping("/apps/{id}/page")
    public ModelAndView firstPage(@PathVariable String id, @RequestParam Map<String, String> params) {
        return new ModelAndView("console/app-page", "view", views.page(current.id(), id, null, pageParams(params)));
    }

    @GetMapping("/apps/{id}/pages/{name}")
    public ModelAndView page(@PathVariable String id, @PathVariable String name,
                             @RequestParam Map<String, String> params) {
        return new ModelAndView("console/app-page", "view", views.page(current.id(), id, name, pageParams(params)));
    }

    /** Preferences without pages are one page, named "". */
    @PostMapping("/apps/{id}/page")
    public ModelAndView saveOnlyPage(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                                     HttpServletRequest request, RedirectAttributes redirect) {
        return savePage(id, "", form, request, redirect);
    }

    /**
     * Saves the page's inputs (and the app's name, when the page shows its label) and runs the
     * app's updated(); another page's inputs keep their values. The page's params are the query's.
     */
    @PostMapping("/apps/{id}/pages/{name}")
    public ModelAndView savePage(@PathVariable String id, @PathVariable String name,
                                 @RequestParam MultiValueMap<String, String> form, HttpServletRequest request,
                                 RedirectAttributes redirect) {
        Map<String, String> params = queryParams(request);
        try {
            Installation updated = installations.updatePage(current.id(), id, name, params, form);
            redirect.addFlashAttribute("notice", "Saved; " + updated.label() + " has its new settings.");
            return new ModelAndView(new RedirectView(ConnectedAppViews.pageLink(id, name, params), true));
        } catch (ApiException e) {
            ModelAndView page = new ModelAndView("console/app-page", "view", views.page(current.id(), id, name,
                    params));
            page.addObject("error", e.getMessage());
            page.setStatus(e.status());
            return page;
        }
    }

    /** The query's fields alone (a POST's form fields are not the page's params). */
    private static Map<String, String> queryParams(HttpServletRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        if (request.getQueryString() != null) {
            UriComponentsBuilder.fromUriString("/?" + request.getQueryString()).build().getQueryParams()
                    .forEach((k, v) -> params.put(UriUtils.decode(k, StandardCharsets.UTF_8),
                            UriUtils.decode(v.isEmpty() || v.get(0) == null ? "" : v.get(0), StandardCharsets.UTF_8)));
        }
        return pageParams(params);
    }

    /** The page's params: the query's fields but Spring Security's {@code continue} (a sign-in's way back). */
    private static Map<String, String> pageParams(Map<String, String> query) {
        Map<String, String> params = new LinkedHashMap<>(query);
        params.remove("continue");
        return params;
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
