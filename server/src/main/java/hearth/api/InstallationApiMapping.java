package hearth.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.List;

/**
 * Routes {@code {uri}/**} straight to {@link InstallationApiController#call}, ahead of Spring
 * MVC's annotation mapping. That mapping finds a path with a variable only by matching it against
 * every {@code @RequestMapping} of the server (there are ~160), so each installation API call paid
 * a sixth of its request-thread CPU to find its handler (bench/README.md, issue 15); here it is
 * one prefix test and one pattern match. The request gets what the annotation mapping would have
 * set: the {@code id} variable, the best matching pattern (the {@code uri} tag of
 * {@code http_server_requests_seconds}) and the path within the mapping. The controller keeps its
 * {@code @RequestMapping}, which answers whatever this mapping doesn't take.
 */
@Component
class InstallationApiMapping extends AbstractHandlerMapping {
    private static final List<PathPattern> PATTERNS = List.of(
            PathPatternParser.defaultInstance.parse(EndpointsController.INSTALLATIONS_PATH + "{id}"),
            PathPatternParser.defaultInstance.parse(EndpointsController.INSTALLATIONS_PATH + "{id}/**"));

    private final HandlerMethod handler;

    InstallationApiMapping(InstallationApiController controller) throws NoSuchMethodException {
        this.handler = new HandlerMethod(controller, InstallationApiController.class.getMethod("call", String.class,
                HttpServletRequest.class, HttpServletResponse.class));
        setOrder(Ordered.HIGHEST_PRECEDENCE);
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        String lookupPath = initLookupPath(request);
        if (!lookupPath.startsWith(EndpointsController.INSTALLATIONS_PATH)) {
            return null;
        }
        PathContainer path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        for (PathPattern pattern : PATTERNS) {
            PathPattern.PathMatchInfo match = pattern.matchAndExtract(path);
            if (match != null) {
                request.setAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE, lookupPath);
                request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, pattern.getPatternString());
                request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, match.getUriVariables());
                request.setAttribute(HandlerMapping.MATRIX_VARIABLES_ATTRIBUTE, match.getMatrixVariables());
                ServerHttpObservationFilter.findObservationContext(request)
                        .ifPresent(context -> context.setPathPattern(pattern.getPatternString()));
                return handler;
            }
        }
        return null;
    }
}
