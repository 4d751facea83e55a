package hearth.api;

import hearth.installation.ExecutionLimiter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a call of the installation API came to: the SmartApp's own response, or a classic error.
 * {@code rate} is the execution-limit decision the answer reports in its headers, null when the
 * call was refused before it counted (a token of another Installation, say).
 */
public sealed interface InstallationCallOutcome {

    ExecutionLimiter.Decision rate();

    /** The SmartApp answered: {@code body} null means no body. */
    record Answered(int status, String contentType, String body, Map<String, String> headers,
                    ExecutionLimiter.Decision rate) implements InstallationCallOutcome {
        public Answered {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
    }

    /** A classic error body, from Hearth's checks or from the SmartApp's routing, httpError or failure. */
    record Refused(ClassicError error, ExecutionLimiter.Decision rate) implements InstallationCallOutcome {
    }
}
