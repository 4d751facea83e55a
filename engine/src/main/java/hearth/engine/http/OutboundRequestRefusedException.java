package hearth.engine.http;

import hearth.engine.sandbox.SmartAppApi;
/**
 * An outbound request Hearth did not send: a forbidden address, a scheme other than http(s), too
 * many requests in one call, or outbound HTTP turned off. Apps may catch it like any network error;
 * nothing reached the target.
 */
@SmartAppApi
public final class OutboundRequestRefusedException extends RuntimeException {
    public OutboundRequestRefusedException(String message) {
        super(message);
    }
}
