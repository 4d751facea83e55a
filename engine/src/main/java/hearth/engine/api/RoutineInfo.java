package hearth.engine.api;

import java.util.Objects;

/**
 * One of the Location's routines (classic Hello Home "phrases": "Good Morning!", "Goodbye!", ...):
 * its id, its label, and the mode it sets (null when it sets none).
 */
public record RoutineInfo(String id, String label, String mode) {
    public RoutineInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
