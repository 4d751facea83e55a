package hearth.engine.api;

import java.util.Objects;

/**
 * The SmartApp's {@code definition(...)}.
 *
 * @param oauth            true for {@code oauth: true} or {@code oauth: [displayName: ...]}
 * @param oauthDisplayName the name shown on the consent page, or null to use {@code name}
 */
public record AppDefinition(String name, String namespace, String author, String description, String category,
                            boolean oauth, String oauthDisplayName, boolean singleInstance) {
    public AppDefinition {
        Objects.requireNonNull(name, "name");
    }

    /** What the consent page calls this app. */
    public String displayName() {
        return oauthDisplayName == null || oauthDisplayName.isBlank() ? name : oauthDisplayName;
    }
}
