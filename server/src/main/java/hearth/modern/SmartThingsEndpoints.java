package hearth.modern;

import hearth.server.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The modern API's routes, HTTP in and out only; {@link SmartThingsApi} holds the rules. Served
 * twice: under {@code /v1} ({@link V1Endpoints}) and without the prefix, as core-sdk calls them
 * ({@link UnprefixedEndpoints}). Every answer is JSON, whatever {@code application/vnd.smartthings+json;v=N}
 * the client accepts, and every error is SmartThings' own body.
 */
abstract class SmartThingsEndpoints {
    private static final String AUTH = HttpHeaders.AUTHORIZATION;

    private final ModernTokens tokens;
    private final SmartThingsApi api;
    private final PublicUrls urls;

    SmartThingsEndpoints(ModernTokens tokens, SmartThingsApi api, PublicUrls urls) {
        this.tokens = tokens;
        this.api = api;
        this.urls = urls;
    }

    public record Commands(List<SmartThingsApi.Command> commands) {
    }

    @GetMapping("/locations")
    public ResponseEntity<Object> locations(@RequestHeader(value = AUTH, required = false) String authorization) {
        return json(page(api.locations(tokens.reach(authorization)), null));
    }

    @GetMapping("/locations/{id}")
    public ResponseEntity<Object> location(@RequestHeader(value = AUTH, required = false) String authorization,
                                           @PathVariable String id) {
        return json(api.location(tokens.reach(authorization), id));
    }

    @GetMapping("/locations/{id}/rooms")
    public ResponseEntity<Object> rooms(@RequestHeader(value = AUTH, required = false) String authorization,
                                        @PathVariable String id) {
        return json(page(api.rooms(tokens.reach(authorization), id), null));
    }

    @GetMapping("/devices")
    public ResponseEntity<Object> devices(@RequestHeader(value = AUTH, required = false) String authorization,
                                          HttpServletRequest request) {
        Reach reach = tokens.reach(authorization);
        SmartThingsApi.DevicePage devices = api.devices(reach, DeviceQuery.parse(request.getParameterMap()));
        String next = devices.next() == null ? null
                : urls.baseUrl(request) + request.getRequestURI() + "?" + devices.next();
        return json(page(devices.items(), next));
    }

    @GetMapping("/devices/{id}")
    public ResponseEntity<Object> device(@RequestHeader(value = AUTH, required = false) String authorization,
                                         @PathVariable String id) {
        return json(api.device(tokens.reach(authorization), id));
    }

    @GetMapping("/devices/{id}/status")
    public ResponseEntity<Object> status(@RequestHeader(value = AUTH, required = false) String authorization,
                                         @PathVariable String id) {
        return json(api.status(tokens.reach(authorization), id));
    }

    @GetMapping("/devices/{id}/components/{component}/capabilities/{capability}/status")
    public ResponseEntity<Object> capabilityStatus(@RequestHeader(value = AUTH, required = false) String authorization,
                                                   @PathVariable String id, @PathVariable String component,
                                                   @PathVariable String capability) {
        return json(api.capabilityStatus(tokens.reach(authorization), id, component, capability));
    }

    @GetMapping("/devices/{id}/health")
    public ResponseEntity<Object> health(@RequestHeader(value = AUTH, required = false) String authorization,
                                         @PathVariable String id) {
        return json(api.health(tokens.reach(authorization), id));
    }

    @PostMapping("/devices/{id}/commands")
    public ResponseEntity<Object> commands(@RequestHeader(value = AUTH, required = false) String authorization,
                                           @PathVariable String id, @RequestBody(required = false) Commands body) {
        Reach reach = tokens.reach(authorization);
        return json(Map.of("results", api.execute(reach, id, body == null ? null : body.commands())));
    }

    @ExceptionHandler(ModernException.class)
    public ResponseEntity<Object> refused(ModernException e) {
        return error(e.error());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        return error(ModernError.badRequest("body", "the body is not the JSON expected here, e.g. {\"commands\":"
                + "[{\"component\":\"main\",\"capability\":\"switch\",\"command\":\"on\",\"arguments\":[]}]}"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<Object> notJson(HttpMediaTypeNotSupportedException e) {
        return error(ModernError.unsupportedMediaType("send the body as JSON (Content-Type: application/json)"));
    }

    static ResponseEntity<Object> error(ModernError error) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(error.status()).cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_JSON);
        error.headers().forEach(response::header);
        return response.body(error.body(UUID.randomUUID().toString()));
    }

    private static ResponseEntity<Object> json(Object body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private static Map<String, Object> page(List<Map<String, Object>> items, String next) {
        Map<String, Object> links = new LinkedHashMap<>();
        if (next != null) {
            links.put("next", Map.of("href", next));
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("_links", links);
        return page;
    }
}
