package hearth.console;

import hearth.HearthProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
public class PagesController {
    private final HearthProperties properties;

    public PagesController(HearthProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    /** Where the demo SmartApp's codes land, so a newcomer can copy one without a server of their own. */
    @GetMapping("/demo/callback")
    public String demoCallback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                               @RequestParam(required = false) String error,
                               @RequestParam(name = "error_description", required = false) String errorDescription,
                               Model model) {
        model.addAttribute("code", code);
        model.addAttribute("state", state);
        model.addAttribute("error", error);
        model.addAttribute("errorDescription", errorDescription);
        model.addAttribute("codeMinutes", properties.oauth().codeTtl().toMinutes());
        return "demo-callback";
    }
}
