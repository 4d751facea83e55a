package hearth.modern;

import hearth.oauth.Scopes;
import hearth.support.PageTimes;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The Access tokens page's rows and choices. */
@Component
class PersonalTokenViews {
    private final PersonalTokens tokens;
    private final Clock clock;

    PersonalTokenViews(PersonalTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** One token as listed; {@code status} says active, expired or revoked. */
    record Row(String id, String name, List<String> scopes, String created, String expires, String lastUsed,
               String status, boolean active) {
    }

    /** A scope the form offers, with what it means. */
    record Choice(String scope, String meaning) {
    }

    List<Row> rows(String accountId) {
        Instant now = clock.instant();
        return tokens.list(accountId).stream().map(t -> new Row(t.id(), t.name(), t.scopes(),
                PageTimes.format(t.createdAt(), ""), PageTimes.format(t.expiresAt(), ""),
                PageTimes.format(t.lastUsedAt(), "never"),
                t.revokedAt() != null ? "revoked" : t.activeAt(now) ? "active" : "expired", t.activeAt(now))).toList();
    }

    List<Choice> choices() {
        return List.of(Scopes.READ_LOCATIONS, Scopes.READ_DEVICES, Scopes.EXECUTE_DEVICES).stream()
                .map(s -> new Choice(s, Scopes.meaning(s, null))).toList();
    }
}
