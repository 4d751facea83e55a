package hearth.engine.api;

import org.slf4j.Logger;

import java.util.Objects;

/**
 * One outbound HTTP request a call sent (each redirect hop is one): where to, never the path or
 * query (they carry keys and tokens), and how it ended.
 *
 * @param status the response status, or 0 when there was none
 * @param error  why there was no response (a refusal, a network failure), else null
 */
public record OutboundRequest(String method, String scheme, String host, int port, int status, String error) {
    public OutboundRequest {
        Objects.requireNonNull(method, "method");
    }

    /** Writes the request at debug level, as hosts show outbound traffic. */
    public void writeTo(Logger logger) {
        if (logger.isDebugEnabled()) {
            logger.debug("outbound {} {}://{}:{} -> {}", method, scheme, host, port, error == null ? status : error);
        }
    }
}
