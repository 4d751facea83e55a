package hearth.hub;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * JSON from a broker, which anyone on it may have written: parsed within limits (depth, tokens,
 * string and number lengths) so a crafted payload costs bounded time and memory, and never
 * trusted for its types (callers check each node's kind).
 */
final class HubJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxTokenCount(200_000)
                    .maxStringLength(64 * 1024)
                    .maxNameLength(256)
                    .maxNumberLength(64)
                    .build())
            .build()).build();

    private HubJson() {
    }

    /** The payload's JSON, or empty when it is not JSON within the limits. */
    static Optional<JsonNode> parse(byte[] payload) {
        try {
            return Optional.ofNullable(MAPPER.readTree(payload));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }
}
