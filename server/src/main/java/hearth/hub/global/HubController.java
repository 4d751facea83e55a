package hearth.hub.global;

import hearth.account.CurrentAccount;
import hearth.hub.HubInfo;
import hearth.hub.HubRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A Location's hubs over the management API (README, "Hubs"); {@link HubService} holds the rules. */
@RestController
public class HubController {
    private final HubService hubs;
    private final CurrentAccount current;

    public HubController(HubService hubs, CurrentAccount current) {
        this.hubs = hubs;
        this.current = current;
    }

    @PostMapping("/api/locations/{locationId}/hubs")
    @ResponseStatus(HttpStatus.CREATED)
    public HubInfo create(@PathVariable String locationId, @RequestBody(required = false) HubRequest request) {
        return hubs.create(current.id(), locationId, request);
    }

    @GetMapping("/api/locations/{locationId}/hubs")
    public List<HubInfo> list(@PathVariable String locationId) {
        return hubs.inLocation(current.id(), locationId);
    }

    @GetMapping("/api/hubs/{id}")
    public HubInfo get(@PathVariable String id) {
        return hubs.owned(current.id(), id);
    }

    @PatchMapping("/api/hubs/{id}")
    public HubInfo update(@PathVariable String id, @RequestBody(required = false) HubRequest request) {
        return hubs.update(current.id(), id, request);
    }

    @DeleteMapping("/api/hubs/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String id) {
        hubs.delete(current.id(), id);
    }
}
