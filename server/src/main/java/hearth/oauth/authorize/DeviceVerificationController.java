package hearth.oauth.authorize;

import hearth.oauth.device.DeviceAuthorization;
import hearth.oauth.device.DeviceAuthorizationRepository;
import hearth.oauth.device.UserCodes;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code /device} (RFC 8628 §3.3): the user types the code their TV or CLI shows, then picks the
 * Location and devices on the same consent pages as the browser flow.
 */
@Controller
public class DeviceVerificationController {
    private final DeviceAuthorizationRepository authorizations;
    private final SmartAppService apps;
    private final AppIdentity.Finder identities;
    private final Clock clock;

    public DeviceVerificationController(DeviceAuthorizationRepository authorizations, SmartAppService apps,
                                        AppIdentity.Finder identities, Clock clock) {
        this.authorizations = authorizations;
        this.apps = apps;
        this.identities = identities;
        this.clock = clock;
    }

    @GetMapping("/device")
    public ModelAndView form(@RequestParam(name = "user_code", required = false) String userCode) {
        ModelAndView page = new ModelAndView("device");
        page.addObject("userCode", userCode);
        return page;
    }

    @PostMapping("/device")
    public ModelAndView verify(HttpServletRequest request, @RequestParam(name = "user_code") String typed) {
        String userCode = UserCodes.normalize(typed);
        Instant now = clock.instant();
        DeviceAuthorization authorization = authorizations.findByUserCode(userCode)
                .filter(a -> a.status() == DeviceAuthorization.Status.PENDING && now.isBefore(a.expiresAt()))
                .orElse(null);
        SmartAppRecord app = authorization == null ? null : apps.byId(authorization.smartAppId()).orElse(null);
        if (app == null) {
            ModelAndView page = new ModelAndView("device");
            page.addObject("userCode", typed);
            page.addObject("error", "That code is not valid, or it has expired. Check the code your device shows "
                    + "(codes work for 10 minutes).");
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        AuthorizationRequest pending = new AuthorizationRequest(UUID.randomUUID().toString(), app.clientId(), app.id(),
                null, false, authorization.scope(), null, null, null, "", now, authorization.deviceCodeHash(),
                UserCodes.display(userCode));
        PendingAuthorizations.put(request.getSession(), pending);
        // RFC 8628 §5.4: a code can be phished (typed from someone else's screen); the page repeats it
        // and names who is asking before anything is chosen.
        ModelAndView page = new ModelAndView("device-confirm");
        page.addObject("request", pending);
        page.addObject("app", identities.of(app, pending));
        return page;
    }
}
