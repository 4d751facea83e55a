package hearth.oauth.authorize;

import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import hearth.account.Account;
import hearth.account.CurrentAccount;
import hearth.device.Device;
import hearth.engine.api.PreferenceInput;
import hearth.installation.InputValues;
import hearth.installation.Installation;
import hearth.installation.global.InstallationService;
import hearth.location.Location;
import hearth.location.global.LocationService;
import hearth.server.PublicUrls;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import hearth.support.PageTimes;
import hearth.web.ApiException;
import hearth.web.ServerUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consent flow of {@code /oauth/authorize} (SPEC §2.1), as plain HTML forms that work
 * without JavaScript: choose a Location (skipped when only one fits), pick devices per input,
 * then allow or deny. Spring Security has made sure someone is signed in.
 */
@Controller
public class AuthorizeController {
    /** The form's value for "add another Installation", as opposed to an existing one's id. */
    static final String NEW_INSTALLATION = "new";
    private final AuthorizationRequestValidator validator;
    private final ConsentService consent;
    private final SmartAppService apps;
    private final LocationService locations;
    private final InstallationService installations;
    private final CurrentAccount current;
    private final PublicUrls urls;
    private final AppIdentity.Finder identities;
    private final ScopeMeanings scopeMeanings;
    private final Clock clock;

    public AuthorizeController(AuthorizationRequestValidator validator, ConsentService consent, SmartAppService apps,
                               LocationService locations, InstallationService installations, CurrentAccount current,
                               PublicUrls urls, AppIdentity.Finder identities, ScopeMeanings scopeMeanings,
                               Clock clock) {
        this.scopeMeanings = scopeMeanings;
        this.validator = validator;
        this.consent = consent;
        this.apps = apps;
        this.locations = locations;
        this.installations = installations;
        this.current = current;
        this.urls = urls;
        this.identities = identities;
        this.clock = clock;
    }

    @GetMapping("/oauth/authorize")
    public ModelAndView start(HttpServletRequest request) {
        AuthorizationRequest authorization = validator.validate(request.getParameterMap(), request.getQueryString());
        PendingAuthorizations.put(request.getSession(), authorization);
        return next(authorization, null, null, Map.of(), null, false);
    }

    @PostMapping("/oauth/authorize")
    public ModelAndView step(HttpServletRequest request, @RequestParam(name = "request", required = false) String id,
                             @RequestParam(required = false) String location,
                             @RequestParam(required = false) String decision,
                             @RequestParam MultiValueMap<String, String> form) {
        AuthorizationRequest authorization = PendingAuthorizations.get(request.getSession(false), id, clock.instant())
                .orElseThrow(() -> AuthorizationException.page("This authorization has expired or is already "
                        + "finished.", "Go back to the app and connect it again; each link works for "
                        + PendingAuthorizations.LIFETIME.toMinutes() + " minutes."));
        if ("deny".equals(decision)) {
            PendingAuthorizations.remove(request.getSession(), authorization.id());
            apps.byId(authorization.smartAppId()).ifPresent(app -> consent.denied(current.id(), authorization, app));
            if (authorization.forDevice()) {
                return deviceDone(false);
            }
            return redirect(AuthorizationException.redirect(authorization.redirectUri(), authorization.state(),
                    OAuth2Error.ACCESS_DENIED, "the user denied access"));
        }
        if ("back".equals(decision)) {
            return next(authorization, null, null, Map.of(), request.getSession(), true);
        }
        return next(authorization, location, decision, form, request.getSession());
    }

    /** Resumes a pending request (the device page hands over to the consent pages here). */
    @GetMapping("/oauth/authorize/continue")
    public ModelAndView resume(HttpServletRequest request, @RequestParam(name = "request") String id) {
        AuthorizationRequest authorization = PendingAuthorizations.get(request.getSession(false), id, clock.instant())
                .orElseThrow(() -> AuthorizationException.page("This authorization has expired or is already "
                        + "finished.", "Start again from the app or the device."));
        return next(authorization, null, null, Map.of(), request.getSession(), false);
    }

    /** Signs the current account out and starts the same authorization again, at the login page. */
    @PostMapping("/oauth/authorize/switch-account")
    public RedirectView switchAccount(HttpServletRequest request, @RequestParam(name = "request") String id) {
        Optional<AuthorizationRequest> authorization = PendingAuthorizations.get(request.getSession(false), id,
                clock.instant());
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        return seeOther(authorization.map(a -> a.forDevice() ? "/device" : "/oauth/authorize?" + a.originalQuery())
                .orElse("/login"));
    }

    private ModelAndView next(AuthorizationRequest authorization, String locationId, String decision,
                              Map<String, List<String>> form, HttpSession session) {
        return next(authorization, locationId, decision, form, session, false);
    }

    /** @param chooseLocation the user went back from the devices to the Locations: ask again */
    private ModelAndView next(AuthorizationRequest authorization, String locationId, String decision,
                              Map<String, List<String>> form, HttpSession session, boolean chooseLocation) {
        Account account = current.get();
        SmartAppRecord app = apps.byId(authorization.smartAppId()).orElseThrow(() -> AuthorizationException.page(
                "The app was removed while you were connecting it.", "Ask its developer."));
        AppIdentity appName = identities.of(app, authorization);
        List<LocationChoice> choices = locations.ownedBy(account.id()).stream().map(l -> LocationChoice.of(l, app))
                .toList();
        List<LocationChoice> selectable = choices.stream().filter(LocationChoice::selectable).toList();
        Optional<LocationChoice> chosen = locationId == null
                ? (selectable.size() == 1 && !chooseLocation ? Optional.of(selectable.get(0)) : Optional.empty())
                : selectable.stream().filter(c -> c.id().equals(locationId)).findFirst();
        if (chosen.isEmpty()) {
            ModelAndView page = page("authorize-location", authorization, account, appName);
            page.addObject("locations", choices);
            page.addObject("anySelectable", !selectable.isEmpty());
            if (locationId != null) {
                page.addObject("error", "Choose one of the Locations below that the app can be installed in.");
                page.setStatus(HttpStatus.BAD_REQUEST);
            }
            return page;
        }
        Location location = locations.owned(account.id(), chosen.get().id());
        // Already connected here? Then allowing again updates that Installation, unless the user
        // asks for a second one on purpose.
        List<Installation> existing = installations.ownedBy(account.id()).stream()
                .filter(i -> i.smartAppId().equals(app.id()) && i.locationId().equals(location.id())).toList();
        String target = form.containsKey("installation") ? first(form.get("installation"))
                : existing.isEmpty() ? NEW_INSTALLATION : existing.get(0).id();
        Optional<Installation> updating = existing.stream().filter(i -> i.id().equals(target)).findFirst();
        boolean firstShow = decision == null && !form.containsKey("installation");
        Map<String, List<String>> devices = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        List<PreferenceInput> valueInputs = installations.valueInputs(app);
        Map<PreferenceInput, List<Device>> candidates = installations.candidates(app, location);
        candidates.keySet().forEach(input -> devices.put(input.name(), firstShow && updating.isPresent()
                ? updating.get().devices().getOrDefault(input.name(), List.of())
                : form.getOrDefault(input.name(), List.of())));
        valueInputs.forEach(input -> Optional.ofNullable(form.get(input.name()))
                .map(v -> InputValues.formValue(input, v)).ifPresent(v -> values.put(input.name(), v)));
        String error = null;
        if ("allow".equals(decision)) {
            try {
                if (!NEW_INSTALLATION.equals(target) && updating.isEmpty()) {
                    throw ApiException.badRequest("Choose whether to update the app's existing connection here "
                            + "or to add another one.");
                }
                String installationId = updating.map(Installation::id).orElse(null);
                if (authorization.forDevice()) {
                    consent.approveDevice(account.id(), authorization, app, location, devices, values,
                            installationId);
                    PendingAuthorizations.remove(session, authorization.id());
                    return deviceDone(true);
                }
                String code = consent.approve(account.id(), authorization, app, location, devices, values,
                        installationId);
                PendingAuthorizations.remove(session, authorization.id());
                return success(authorization, code);
            } catch (ApiException e) {
                error = e.getMessage();
            }
        }
        ModelAndView page = page("authorize-devices", authorization, account, appName);
        page.addObject("location", location);
        page.addObject("scopes", scopeMeanings.of(authorization.scope(), account.id(), location));
        page.addObject("locationChoices", selectable.size());
        // The Location step was skipped, but Locations the app can't reach still deserve their reason.
        page.addObject("unavailable", choices.stream().filter(c -> !c.selectable()).toList());
        page.addObject("inputs", deviceInputs(candidates, devices));
        page.addObject("valueInputs", valueInputs);
        page.addObject("values", values);
        page.addObject("modes", Location.MODES);
        page.addObject("existing", existing.stream().map(i -> new ExistingInstallation(i.id(), i.label(),
                PageTimes.format(i.createdAt(), ""), PageTimes.format(i.lastUsedAt(), "never"),
                i.allDeviceIds().size())).toList());
        page.addObject("target", updating.map(Installation::id).orElse(NEW_INSTALLATION));
        if (error != null) {
            page.addObject("error", error);
            page.setStatus(HttpStatus.BAD_REQUEST);
        }
        return page;
    }

    private static List<DeviceInput> deviceInputs(Map<PreferenceInput, List<Device>> candidates,
                                                  Map<String, List<String>> chosen) {
        List<DeviceInput> result = new ArrayList<>();
        candidates.forEach((input, devices) -> result.add(new DeviceInput(input.name(),
                input.title() == null || input.title().isBlank() ? input.name() : input.title(), input.section(),
                input.multiple(), input.required(), devices.stream().map(d -> new DeviceOption(d.id(), d.label(),
                chosen.getOrDefault(input.name(), List.of()).contains(d.id()))).toList())));
        return result;
    }

    private static ModelAndView page(String view, AuthorizationRequest authorization, Account account,
                                     AppIdentity app) {
        ModelAndView page = new ModelAndView(view);
        page.addObject("request", authorization);
        page.addObject("account", account);
        page.addObject("app", app);
        page.addObject("appName", app.displayName());
        return page;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? NEW_INSTALLATION : values.get(0);
    }

    // Responses carry iss (RFC 9207) so a client talking to several servers can't be mixed up (RFC 9700 §4.4).
    private ModelAndView success(AuthorizationRequest authorization, String code) {
        URI uri = new AuthorizationSuccessResponse(URI.create(authorization.redirectUri()),
                new com.nimbusds.oauth2.sdk.AuthorizationCode(code), null,
                authorization.state() == null ? null : new State(authorization.state()), new Issuer(urls.current()),
                ResponseMode.QUERY).toURI();
        return new ModelAndView(seeOther(uri.toString()));
    }

    private ModelAndView redirect(AuthorizationException e) {
        URI uri = new AuthorizationErrorResponse(URI.create(e.redirectUri()), e.error(),
                e.state() == null ? null : new State(e.state()), new Issuer(urls.current()), ResponseMode.QUERY).toURI();
        return new ModelAndView(seeOther(uri.toString()));
    }

    private static RedirectView seeOther(String uri) {
        RedirectView view = new RedirectView(uri);
        view.setExpandUriTemplateVariables(false);
        view.setContextRelative(true);
        view.setHttp10Compatible(false);
        view.setStatusCode(HttpStatus.FOUND);
        return view;
    }

    private static ModelAndView deviceDone(boolean approved) {
        ModelAndView page = new ModelAndView("device-done");
        page.addObject("approved", approved);
        return page;
    }

    @ExceptionHandler(ServerUnavailableException.class)
    public ModelAndView unavailable(ServerUnavailableException e) {
        ModelAndView page = new ModelAndView("authorize-error");
        page.addObject("message", "The server '" + e.server() + "' that hosts this Location is not answering.");
        page.addObject("detail", "Your other Locations are not affected. Try again in a few minutes, or choose "
                + "another Location.");
        page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
        return page;
    }

    @ExceptionHandler(AuthorizationException.class)
    public ModelAndView failed(AuthorizationException e, HttpServletResponse response) {
        if (e.redirects()) {
            return redirect(e);
        }
        ModelAndView page = new ModelAndView("authorize-error");
        page.addObject("message", e.getMessage());
        page.addObject("detail", e.detail());
        page.setStatus(HttpStatus.BAD_REQUEST);
        return page;
    }

    public record LocationChoice(String id, String name, String server, boolean selectable, String reason) {
        static LocationChoice of(Location location, SmartAppRecord app) {
            boolean published = app.publishedTo(location.serverName());
            return new LocationChoice(location.id(), location.name(), location.serverName(), published,
                    published ? null : "This app is not published to the server '" + location.serverName()
                            + "' that hosts this Location; its developer can publish it there.");
        }
    }

    public record DeviceInput(String name, String title, String section, boolean multiple, boolean required,
                              List<DeviceOption> devices) {
    }

    public record DeviceOption(String id, String label, boolean checked) {
    }

    /** An Installation of this app in this Location that allowing again would update. */
    public record ExistingInstallation(String id, String label, String created, String lastUsed, int devices) {
    }
}
