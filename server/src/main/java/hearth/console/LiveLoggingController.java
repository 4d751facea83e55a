package hearth.console;

import hearth.account.CurrentAccount;
import hearth.applog.AppLogEntry;
import hearth.applog.global.AppLogService;
import hearth.engine.api.LogLine.Level;
import hearth.installation.Installation;
import hearth.installation.global.DirectCalls;
import hearth.page.Page;
import hearth.server.PublicUrls;
import hearth.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The developer console's view of what a SmartApp does (issue 12): its log live (the page reads
 * {@code /api/smartapps/{id}/logs/stream}; console-log.js), what happened behind a reference id,
 * and a test call of one of the developer's own Installations, answered beside the lines it wrote.
 */
@Controller
@Page
public class LiveLoggingController {
    private final ConsoleAppViews views;
    private final AppLogService logs;
    private final TestCalls testCalls;
    private final CurrentAccount current;
    private final PublicUrls urls;

    public LiveLoggingController(ConsoleAppViews views, AppLogService logs, TestCalls testCalls,
                                 CurrentAccount current, PublicUrls urls) {
        this.views = views;
        this.logs = logs;
        this.testCalls = testCalls;
        this.current = current;
        this.urls = urls;
    }

    /** One line of the log as the pages show it. */
    record LineView(String time, String installationId, String level, String kind, String message,
                    String reference) {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
                .withZone(ZoneOffset.UTC);

        static LineView of(AppLogEntry e) {
            return new LineView(TIME.format(e.time()), e.installationId(),
                    e.level().name().toLowerCase(Locale.ROOT), e.kind().name().toLowerCase(Locale.ROOT), e.message(),
                    e.reference());
        }
    }

    /** The test call form as sent, so the page shows it again. */
    record TestCallForm(String installation, String method, String path, String body) {
        static final TestCallForm BLANK = new TestCallForm(null, "GET", "/", "");
    }

    @GetMapping("/console/apps/{id}/logs")
    public ModelAndView logs(@PathVariable String id) {
        return page(id, TestCallForm.BLANK);
    }

    @PostMapping("/console/apps/{id}/test-call")
    public ModelAndView testCall(@PathVariable String id, @RequestParam(required = false) String installation,
                                 @RequestParam(required = false) String method,
                                 @RequestParam(required = false) String path,
                                 @RequestParam(required = false) String body, HttpServletRequest request) {
        TestCallForm form = new TestCallForm(installation, method, path, body);
        ModelAndView page = page(id, form);
        try {
            TestCalls.Result result = testCalls.run(current.id(), id, installation, method, path, body,
                    urls.baseUrl(request));
            page.addObject("result", result);
            page.addObject("resultLines", result.lines().stream().map(LineView::of).toList());
        } catch (ApiException e) {
            page.addObject("error", e.getMessage());
            page.setStatus(e.status());
        }
        return page;
    }

    /** The reference-id search box: goes to the page of that reference. */
    @GetMapping("/console/apps/{id}/errors")
    public ModelAndView findReference(@PathVariable String id, @RequestParam(required = false) String reference) {
        views.detail(current.id(), id);
        String wanted = reference == null ? "" : reference.trim();
        if (wanted.isEmpty()) {
            throw ApiException.badRequest("type the reference id of a 500 answer, such as "
                    + "afb0f7b2-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
        }
        return new ModelAndView("redirect:/console/apps/" + id + "/errors/"
                + UriUtils.encodePathSegment(wanted, StandardCharsets.UTF_8));
    }

    @GetMapping("/console/apps/{id}/errors/{reference}")
    public ModelAndView reference(@PathVariable String id, @PathVariable String reference) {
        ModelAndView page = new ModelAndView("console/error-reference");
        page.addObject("app", views.detail(current.id(), id));
        AppLogEntry failure = logs.failure(current.id(), id, reference);
        page.addObject("failure", LineView.of(failure));
        Map<String, Object> detail = failure.detail();
        page.addObject("detail", detail);
        page.addObject("frames", detail.get("frames") instanceof List<?> frames ? frames : List.of());
        return page;
    }

    private ModelAndView page(String id, TestCallForm form) {
        ModelAndView page = new ModelAndView("console/logs");
        page.addObject("app", views.detail(current.id(), id));
        List<Installation> own = testCalls.choices(current.id(), id);
        page.addObject("ownInstallations", own.stream().map(Installation::id).toList());
        page.addObject("levels", Arrays.stream(Level.values()).map(l -> l.name().toLowerCase(Locale.ROOT)).toList());
        page.addObject("methods", DirectCalls.METHODS);
        page.addObject("form", form);
        return page;
    }
}
