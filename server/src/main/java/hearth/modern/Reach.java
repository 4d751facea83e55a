package hearth.modern;

import hearth.oauth.Scopes;

import java.util.Set;

/**
 * What one bearer token reaches in the modern API: the Account's Locations ({@code locationIds},
 * null for every Location the Account owns) and, within them, what its {@link Scopes} allow.
 *
 * @param caller whose execution limit the call counts against: a classic Installation's token its
 *               Installation (sharing the limit of the classic API), any other OAuth token its grant,
 *               a personal access token itself
 */
public record Reach(String accountId, Set<String> locationIds, Scopes scopes, String caller) {
    public Reach {
        locationIds = locationIds == null ? null : Set.copyOf(locationIds);
    }

    public boolean reachesLocation(String locationId) {
        return locationIds == null || locationIds.contains(locationId);
    }
}
