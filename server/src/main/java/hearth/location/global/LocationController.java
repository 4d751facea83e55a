package hearth.location.global;

import hearth.account.CurrentAccount;
import hearth.location.Location;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
public class LocationController {
    private final LocationService locations;
    private final CurrentAccount current;

    public LocationController(LocationService locations, CurrentAccount current) {
        this.locations = locations;
        this.current = current;
    }

    @PostMapping("/api/locations")
    @ResponseStatus(HttpStatus.CREATED)
    public Location create(@RequestBody CreateLocation request) {
        return locations.create(current.id(), request.name(), request.server(), request.timeZone());
    }

    @GetMapping("/api/locations")
    public List<Location> list() {
        return locations.ownedBy(current.id());
    }

    public record CreateLocation(String name, String server, String timeZone) {
    }
}
