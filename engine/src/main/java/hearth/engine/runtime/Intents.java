package hearth.engine.runtime;

import hearth.engine.api.AppIntent;
import hearth.engine.api.InstallationContext;

import java.util.ArrayList;
import java.util.List;

/** The intents of one call, buffered so the host receives them on its own thread. */
final class Intents {
    private static final int MAX = 200;
    private final List<AppIntent> recorded = new ArrayList<>();

    void add(AppIntent intent) {
        if (recorded.size() >= MAX) {
            throw new IllegalStateException("too many subscribe/schedule calls in one call (limit " + MAX + ")");
        }
        recorded.add(intent);
    }

    void deliverTo(InstallationContext context) {
        recorded.forEach(context::recordIntent);
    }

    List<AppIntent> all() {
        return List.copyOf(recorded);
    }
}
