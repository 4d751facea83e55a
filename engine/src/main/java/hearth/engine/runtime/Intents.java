package hearth.engine.runtime;

import hearth.engine.api.AppIntent;

import java.util.ArrayList;
import java.util.List;

/** The intents of one call, in order, for its effects. */
final class Intents {
    private static final int MAX = 200;
    private final List<AppIntent> recorded = new ArrayList<>();

    synchronized void add(AppIntent intent) {
        if (recorded.size() >= MAX) {
            throw new IllegalStateException("too many subscribe/schedule calls in one call (limit " + MAX + ")");
        }
        recorded.add(intent);
    }

    synchronized List<AppIntent> all() {
        return List.copyOf(recorded);
    }
}
