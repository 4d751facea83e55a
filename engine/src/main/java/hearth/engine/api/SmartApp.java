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

    /**
     * Runs a method the app declares, as the platform does for subscription handlers and
     * {@code runIn}/{@code schedule} targets (see {@link AppIntent}). A method with one parameter
     * receives the event as {@code evt} (null for scheduled runs); one without parameters gets none.
     * An undeclared method is a Failure of type {@code HandlerNotFoundException}.
     */
    default HandlerOutcome runHandler(String method, AppEvent event, InstallationContext context) {
        throw new UnsupportedOperationException("this SmartApp cannot run handlers");
    }

    /** The names of pages whose inputs are only known by running them ({@code page(name:, content: "method")}). */
    default List<String> dynamicPages() {
        return List.of();
    }

    /**
     * The inputs a dynamic page declares for this Installation, by running its content method
     * (which calls {@code dynamicPage(...) { section { input ... } }}) with the Installation's
     * settings and state. Empty for an unknown page.
     *
     * @throws IllegalStateException when the page's method fails (its message says how)
     */
    default List<PreferenceInput> pageInputs(String page, InstallationContext context) {
        return List.of();
    }

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
