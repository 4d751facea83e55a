package hearth.engine.runtime;

import hearth.engine.sandbox.SmartAppApi;
import java.util.Map;

/** What {@code render(contentType:, data:, status:, headers:)} made; the handler returns it. */
@SmartAppApi
public record RenderedResponse(int status, String contentType, Object data, Map<String, String> headers) {
}
