package hearth.modern;

import hearth.installation.ExecutionLimiter;
import hearth.server.PublicUrls;
import hearth.web.BearerOnly;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The modern API without the {@code /v1} prefix, as core-sdk calls it. {@code /devices/{id}} and
 * {@code POST /devices/{id}/commands} are also pages of the home (a browser's, with its session),
 * so these routes answer requests that carry {@code Authorization: Bearer}; the pages answer the
 * rest, a proxy's {@code Authorization: Basic} included.
 */
@RestController
@RequestMapping // a type-level mapping, so that BearerOnly's condition applies
@BearerOnly
class UnprefixedEndpoints extends SmartThingsEndpoints {
    UnprefixedEndpoints(ModernTokens tokens, SmartThingsApi api, PublicUrls urls, ExecutionLimiter limiter,
                        JsonMapper json) {
        super(tokens, api, urls, limiter, json);
    }
}
