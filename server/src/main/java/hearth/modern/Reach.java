package hearth.modern;

import hearth.oauth.Scopes;

import java.util.Set;

/**
 * What one bearer token reaches in the modern API: the Account's Locations ({@code locationIds},
 * null for every Location the Account owns) and, within them, what its {@link Scopes} allow.
 */
public record Reach(String accountId, Set<String> locationIds, Scopes scopes) {
    public Reach {
        locationIds = locationIds == null ? null : Set.copyOf(locationIds);
    }

    public boolean reachesLocation(String locationId) {
        return locationIds == null || locationIds.contains(locationId);
    }
}
