package hearth.modern;

import hearth.server.PublicUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The modern API without the {@code /v1} prefix, as core-sdk calls it. {@code /devices/{id}} and
 * {@code POST /devices/{id}/commands} are also pages of the home (a browser's, with its session),
 * so these routes answer requests that carry an Authorization header; the pages answer the rest.
 */
@RestController
@RequestMapping(headers = HttpHeaders.AUTHORIZATION)
class UnprefixedEndpoints extends SmartThingsEndpoints {
    UnprefixedEndpoints(ModernTokens tokens, SmartThingsApi api, PublicUrls urls) {
        super(tokens, api, urls);
    }
}
