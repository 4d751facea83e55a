package hearth.modern;

import hearth.installation.ExecutionLimiter;
import hearth.server.PublicUrls;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The modern API's routes, HTTP in and out only; {@link SmartThingsApi} holds the rules. Served
 * twice: under {@code /v1} ({@link V1Endpoints}) and without the prefix, as core-sdk calls them
 * ({@link UnprefixedEndpoints}). Every answer is JSON, whatever {@code application/vnd.smartthings+json;v=N}
 * the client accepts, and every error is SmartThings' own body. Every call counts against its
 * caller's execution limit ({@link ExecutionLimiter}, as the classic API's calls do: 429 with
 * Retry-After past it), and a body is at most {@value #MAX_BODY} bytes (413).
 */
abstract class SmartThingsEndpoints {
    /** Ten commands with their arguments fit many times over. */
    static final int MAX_BODY = 16 * 1024;
    private static final String AUTH = HttpHeaders.AUTHORIZATION;

    private final ModernTokens tokens;
    private final SmartThingsApi api;
    private final PublicUrls urls;
    private final ExecutionLimiter limiter;
    private final JsonMapper mapper;

    SmartThingsEndpoints(ModernTokens tokens, SmartThingsApi api, PublicUrls urls, ExecutionLimiter limiter,
                         JsonMapper json) {
        this.tokens = tokens;
        this.api = api;
        this.urls = urls;
        this.limiter = limiter;
        this.mapper = json;
    }

    public record Commands(List<SmartThingsApi.Command> commands) {
    }

    @GetMapping("/locations")
    public ResponseEntity<Object> locations(@RequestHeader(value = AUTH, required = false) String authorization) {
        return json(page(api.locations(reach(authorization)), null));
    }

    @GetMapping("/locations/{id}")
    public ResponseEntity<Object> location(@RequestHeader(value = AUTH, required = false) String authorization,
                                           @PathVariable String id) {
        return json(api.location(reach(authorization), id));
    }

    @GetMapping("/locations/{id}/rooms")
    public ResponseEntity<Object> rooms(@RequestHeader(value = AUTH, required = false) String authorization,
                                        @PathVariable String id) {
        return json(page(api.rooms(reach(authorization), id), null));
    }

    @GetMapping("/devices")
    public ResponseEntity<Object> devices(@RequestHeader(value = AUTH, required = false) String authorization,
                                          HttpServletRequest request) {
        Reach reach = reach(authorization);
        SmartThingsApi.DevicePage devices = api.devices(reach, DeviceQuery.parse(request.getParameterMap()));
        String next = devices.next() == null ? null
                : urls.baseUrl(request) + request.getRequestURI() + "?" + devices.next();
        return json(page(devices.items(), next));
    }

    @GetMapping("/devices/{id}")
    public ResponseEntity<Object> device(@RequestHeader(value = AUTH, required = false) String authorization,
                                         @PathVariable String id) {
        return json(api.device(reach(authorization), id));
    }

    @GetMapping("/devices/{id}/status")
    public ResponseEntity<Object> status(@RequestHeader(value = AUTH, required = false) String authorization,
                                         @PathVariable String id) {
        return json(api.status(reach(authorization), id));
    }

    @GetMapping("/devices/{id}/components/{component}/capabilities/{capability}/status")
    public ResponseEntity<Object> capabilityStatus(@RequestHeader(value = AUTH, required = false) String authorization,
                                                   @PathVariable String id, @PathVariable String component,
                                                   @PathVariable String capability) {
        return json(api.capabilityStatus(reach(authorization), id, component, capability));
    }

    @GetMapping("/devices/{id}/health")
    public ResponseEntity<Object> health(@RequestHeader(value = AUTH, required = false) String authorization,
                                         @PathVariable String id) {
        return json(api.health(reach(authorization), id));
    }

    @PostMapping("/devices/{id}/commands")
    public ResponseEntity<Object> commands(@RequestHeader(value = AUTH, required = false) String authorization,
                                           @PathVariable String id, HttpServletRequest request) throws IOException {
        Reach reach = reach(authorization);
        Commands body = commandsOf(request);
        return json(Map.of("results", api.execute(reach, id, body == null ? null : body.commands())));
    }

    /** application/json, or any +json type (application/vnd.smartthings+json;v=1). */
    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || "json".equals(type.getSubtypeSuffix());
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    @ExceptionHandler(ModernException.class)
    public ResponseEntity<Object> refused(ModernException e) {
        return error(e.error());
    }

    /** Who the token lets in, counted against its caller's execution limit. */
    private Reach reach(String authorization) {
        Reach reach = tokens.reach(authorization);
        ExecutionLimiter.Decision rate = limiter.acquire(reach.caller());
        if (!rate.allowed()) {
            throw new ModernException(ModernError.tooManyRequests(rate.limit(), rate.ttlSeconds()));
        }
        return reach;
    }

    /** The body, read up to one byte past {@link #MAX_BODY}; null when empty. */
    private Commands commandsOf(HttpServletRequest request) throws IOException {
        if (!isJson(request.getContentType())) {
            throw new ModernException(ModernError.unsupportedMediaType("send the body as JSON (Content-Type: "
                    + "application/json)"));
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw new ModernException(ModernError.tooLarge(MAX_BODY));
        }
        if (body.length == 0) {
            return null;
        }
        try {
            return mapper.readValue(body, Commands.class);
        } catch (JacksonException e) {
            throw new ModernException(ModernError.badRequest("body", "the body is not the JSON expected here, e.g. "
                    + "{\"commands\":[{\"component\":\"main\",\"capability\":\"switch\",\"command\":\"on\","
                    + "\"arguments\":[]}]}"));
        }
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
