package hearth.page;

import hearth.account.CurrentAccount;
import hearth.account.SetupCodes;
import hearth.account.SignupPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every page's header needs (fragments.html, "site"): the signed-in account, whether it is an
 * admin, the path (to mark the current link), whether sign-up is open and, to someone signed out,
 * whether the server still needs its first account (then the pages point to the setup page). Added to every view
 * rendered, error pages included, and never to JSON answers, which have no view.
 */
@Configuration(proxyBeanMethods = false)
public class PageHeader implements WebMvcConfigurer, HandlerInterceptor {
    private final CurrentAccount current;
    private final SignupPolicy signup;
    private final SetupCodes setup;

    PageHeader(CurrentAccount current, SignupPolicy signup, SetupCodes setup) {
        this.current = current;
        this.signup = signup;
        this.setup = setup;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        // Only templates: a RedirectView would copy model attributes into its URL.
        if (page != null && page.getViewName() != null && !page.getViewName().startsWith("redirect:")
                && !page.getViewName().startsWith("forward:")) {
            addTo(page, request);
        }
    }

    /** For pages made by an exception handler, which interceptors never see. */
    public void addTo(ModelAndView page, HttpServletRequest request) {
        if (!page.getModel().containsKey("account")) {
            page.addObject("account", current.find().orElse(null));
        }
        page.addObject("admin", isAdmin());
        page.addObject("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
        page.addObject("signupOpen", signup.open());
        if (page.getModel().get("account") == null) {
            page.addObject("setupNeeded", setup.needed());
        }
    }

    public static boolean isAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
