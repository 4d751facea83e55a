package hearth.hub;

import hearth.web.ApiError;
import hearth.web.ApiException;

/** A hub request that can't be done as asked, or a broker that can't be reached; says what to fix (400). */
public class HubException extends ApiException {
    public HubException(String message) {
        super(ApiError.INVALID_REQUEST, message);
    }
}
