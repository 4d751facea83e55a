package hearth.modern;

import hearth.installation.ExecutionLimiter;
import hearth.server.PublicUrls;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The modern API under {@code /v1}; any other path there is a 404 in the API's own form. */
@RestController
@RequestMapping("/v1")
class V1Endpoints extends SmartThingsEndpoints {
    V1Endpoints(ModernTokens tokens, SmartThingsApi api, PublicUrls urls, ExecutionLimiter limiter, JsonMapper json) {
        super(tokens, api, urls, limiter, json);
    }

    @RequestMapping("/**")
    public ResponseEntity<Object> unknown() {
        return error(ModernError.notFound("Hearth serves no such endpoint of the SmartThings API; it serves "
                + "/locations, /locations/{id}, /locations/{id}/rooms, /devices, /devices/{id}, /devices/{id}/status, "
                + "/devices/{id}/components/{component}/capabilities/{capability}/status, /devices/{id}/health "
                + "and POST /devices/{id}/commands"));
    }
}
