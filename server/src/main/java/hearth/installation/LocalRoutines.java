package hearth.installation;

import hearth.engine.api.AppEvent;
import hearth.location.Location;
import hearth.location.LocationRepository;
import hearth.location.Routine;
import hearth.location.RoutineRepository;
import hearth.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * The routines of the Locations this Server hosts: listing them, running one (its mode is set and
 * the Location's SmartApps hear a {@code mode} event if it changed, then {@code routineExecuted}
 * with the routine's id as value and its label as display name, as classic). Whoever runs one (a person, a SmartApp) has been checked by the caller.
 */
@Service
public class LocalRoutines {
    private final RoutineRepository routines;
    private final LocationRepository locations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public LocalRoutines(RoutineRepository routines, LocationRepository locations, ApplicationEventPublisher events,
                         Clock clock) {
        this.routines = routines;
        this.locations = locations;
        this.events = events;
        this.clock = clock;
    }

    public List<Routine> ofLocation(String locationId) {
        return routines.ofLocation(locationId);
    }

    @Transactional
    public Routine run(String locationId, String routineId) {
        Location location = locations.findById(locationId)
                .orElseThrow(() -> ApiException.notFound("no Location " + locationId + " here"));
        Routine routine = find(locationId, routineId);
        if (routine.mode() != null && !routine.mode().equals(location.mode())) {
            locations.updateMode(locationId, routine.mode());
            events.publishEvent(new LocationEventRecorded(locationId, new AppEvent("mode", routine.mode(), null, null,
                    null, clock.instant(), "mode changed to " + routine.mode())));
        }
        events.publishEvent(new LocationEventRecorded(locationId, new AppEvent("routineExecuted", routine.id(), null,
                null, routine.label(), clock.instant(), routine.label() + " was executed")));
        return routine;
    }

    /** The owner changes the mode a routine sets; it must be one of the Location's modes. */
    @Transactional
    public Routine setMode(String locationId, String routineId, String mode) {
        locations.findById(locationId).orElseThrow(() -> ApiException.notFound("no Location " + locationId + " here"));
        Routine routine = find(locationId, routineId);
        if (mode == null || !Location.MODES.contains(mode)) {
            throw ApiException.badRequest("mode must be one of " + Location.MODES + ", got '" + mode + "'");
        }
        routines.setMode(locationId, routine.id(), mode);
        return routine.withMode(mode);
    }

    /** By its id ({@code goodbye}) or, as classic {@code execute} took it, its label ({@code Goodbye!}). */
    private Routine find(String locationId, String routineId) {
        List<Routine> all = routines.ofLocation(locationId);
        return all.stream().filter(r -> r.id().equals(routineId)).findFirst()
                .or(() -> all.stream().filter(r -> r.label().equals(routineId)).findFirst())
                .orElseThrow(() -> ApiException.notFound("no routine '" + routineId + "'; the routines are "
                        + all.stream().map(Routine::id).toList()));
    }
}
