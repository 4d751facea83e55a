package hearth.location.global;

import hearth.account.CurrentAccount;
import hearth.location.Location;
import hearth.location.Routine;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

    @GetMapping("/api/locations/{id}/routines")
    public List<Routine> routines(@PathVariable String id) {
        return locations.routines(current.id(), id);
    }

    /** Runs the routine ({@code routine}: its id or label); answers it, with the mode it set. */
    @PostMapping("/api/locations/{id}/routines/{routine}/execute")
    public Routine execute(@PathVariable String id, @PathVariable String routine) {
        return locations.runRoutine(current.id(), id, routine);
    }

    @PutMapping("/api/locations/{id}/routines/{routine}")
    public Routine setRoutineMode(@PathVariable String id, @PathVariable String routine,
                                  @RequestBody RoutineChange change) {
        return locations.setRoutineMode(current.id(), id, routine, change.mode());
    }

    public record CreateLocation(String name, String server, String timeZone) {
    }

    public record RoutineChange(String mode) {
    }
}
