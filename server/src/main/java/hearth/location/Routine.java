package hearth.location;

import java.util.List;
import java.util.Optional;

/**
 * One of a Location's routines (classic Hello Home): running it sets its {@code mode} and raises the
 * {@code routineExecuted} location event. Every Location has the classic four; their owner may
 * choose another mode for each.
 */
public record Routine(String id, String label, String mode) {
    /** The classic platform's defaults, with the mode each set. */
    public static final List<Routine> DEFAULTS = List.of(
            new Routine("good-morning", "Good Morning!", "Home"),
            new Routine("goodbye", "Goodbye!", "Away"),
            new Routine("good-night", "Good Night!", "Night"),
            new Routine("im-back", "I'm Back!", "Home"));

    public static Optional<Routine> byId(String id) {
        return DEFAULTS.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Routine withMode(String newMode) {
        return new Routine(id, label, newMode);
    }
}
