package hearth.engine.api;

import org.slf4j.Logger;

import java.util.Objects;

/**
 * One outbound HTTP request a call sent (each redirect hop is one): where to, never the path or
 * query (they carry keys and tokens), and how it ended.
 *
 * @param status the response status, or 0 when there was none
 * @param error  why there was no response (a refusal, a network failure), else null
 * @param millis how long it took, from sending to the response's last byte (0 when refused before sending)
 */
public record OutboundRequest(String method, String scheme, String host, int port, int status, String error,
                              long millis) {
    public OutboundRequest {
        Objects.requireNonNull(method, "method");
    }

    public OutboundRequest(String method, String scheme, String host, int port, int status, String error) {
        this(method, scheme, host, port, status, error, 0);
    }

    /** Writes the request at debug level, as hosts show outbound traffic. */
    public void writeTo(Logger logger) {
        if (logger.isDebugEnabled()) {
            logger.debug("outbound {} {}://{}:{} -> {}", method, scheme, host, port, error == null ? status : error);
        }
    }
}
