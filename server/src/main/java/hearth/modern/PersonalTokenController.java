package hearth.modern;

import hearth.account.CurrentAccount;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/tokens}: the signed-in account's personal access tokens (management API: HTTP Basic or the session). */
@RestController
public class PersonalTokenController {
    private final PersonalTokens tokens;
    private final CurrentAccount current;

    public PersonalTokenController(PersonalTokens tokens, CurrentAccount current) {
        this.tokens = tokens;
        this.current = current;
    }

    public record CreateToken(String name, List<String> scopes, Long expiresInSeconds) {
    }

    /** The token is in this answer only. */
    @PostMapping("/api/tokens")
    public ResponseEntity<Map<String, Object>> create(@RequestBody CreateToken request) {
        PersonalTokens.Created created = tokens.create(current.id(), request.name(), request.scopes(),
                request.expiresInSeconds());
        Map<String, Object> body = view(created.token());
        body.put("token", created.secret());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(body);
    }

    @GetMapping("/api/tokens")
    public List<Map<String, Object>> list() {
        return tokens.list(current.id()).stream().map(PersonalTokenController::view).toList();
    }

    @DeleteMapping("/api/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(@PathVariable String id) {
        tokens.revoke(current.id(), id);
    }

    static Map<String, Object> view(PersonalToken token) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", token.id());
        view.put("name", token.name());
        view.put("scopes", token.scopes());
        view.put("createdAt", token.createdAt());
        view.put("expiresAt", token.expiresAt());
        view.put("lastUsedAt", token.lastUsedAt());
        view.put("revokedAt", token.revokedAt());
        return view;
    }
}
