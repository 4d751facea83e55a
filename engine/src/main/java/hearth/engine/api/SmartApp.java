package hearth.engine.api;

import java.util.List;

/**
 * One compiled SmartApp source version. Thread-safe: the host caches one instance per source
 * version and calls it for every Installation concurrently; each call gets its own script
 * instance and its own context.
 */
public interface SmartApp {

    AppDefinition definition();

    /**
     * The inputs of the static preferences, in order, across all pages. (Dynamic pages are
     * evaluated per Installation, see the engine's README.)
     */
    List<PreferenceInput> inputs();

    /** Routes the request through {@code mappings} (evaluated per request) and runs the handler. */
    HandlerOutcome handle(ApiRequest request, InstallationContext context);

    /** Runs {@code installed()}, {@code updated()} or {@code uninstalled()} when the app defines it. */
    HandlerOutcome lifecycle(Lifecycle event, InstallationContext context);

    enum Lifecycle {
        INSTALLED("installed"), UPDATED("updated"), UNINSTALLED("uninstalled");

        private final String method;

        Lifecycle(String method) {
            this.method = method;
        }

        public String method() {
            return method;
        }
    }
}
