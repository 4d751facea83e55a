package hearth.installation.global;

import hearth.account.CurrentAccount;
import hearth.installation.Installation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The user's connected apps. */
@RestController
public class InstallationController {
    private final InstallationService installations;
    private final CurrentAccount current;

    public InstallationController(InstallationService installations, CurrentAccount current) {
        this.installations = installations;
        this.current = current;
    }

    @GetMapping("/api/installations")
    public List<Installation> list() {
        return installations.ownedBy(current.id());
    }

    @GetMapping("/api/installations/{id}")
    public Installation get(@PathVariable String id) {
        return installations.owned(current.id(), id);
    }

    /** Deletes the caller's SmartApp with every Installation of it; says how many went. */
    @DeleteMapping("/api/smartapps/{id}")
    public Map<String, Object> removeSmartApp(@PathVariable String id) {
        return Map.of("id", id, "installationsRemoved", installations.removeSmartApp(current.id(), id));
    }

    @DeleteMapping("/api/installations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void remove(@PathVariable String id) {
        installations.remove(current.id(), id);
    }
}
