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

    /**
     * One call of the app for one Installation: data in, data out. The engine reads the Installation
     * only from {@code snapshot} (and, for the few things the classic DSL answers at once, from
     * {@code ports}); what the call answered and what it leaves for the host to carry out (state,
     * device commands, subscriptions, schedules, mode changes, log lines, outbound requests made)
     * come back in the result. Nothing of the effects has happened when this returns.
     */
    CallResult call(InstallationSnapshot snapshot, Call call, CallPorts ports);

    /** The names of pages whose inputs are only known by running them ({@code page(name:, content: "method")}). */
    default List<String> dynamicPages() {
        return List.of();
    }

    /**
     * Every page's name in declaration order, static and dynamic; empty when the preferences have no
     * {@code page}s (then {@link #page} with "" reads them as one page).
     */
    default List<String> pageNames() {
        return List.of();
    }

    // ---- the same calls for a host that keeps an Installation in memory (see InstallationContext) ----

    /** Routes the request through {@code mappings} (evaluated per request) and runs the handler. */
    default HandlerOutcome handle(ApiRequest request, InstallationContext context) {
        return ContextCalls.run(this, context, new Call.Api(request, context.queryAccessToken())).outcome();
    }

    /** Runs {@code installed()}, {@code updated()} or {@code uninstalled()} when the app defines it. */
    default HandlerOutcome lifecycle(Lifecycle event, InstallationContext context) {
        return ContextCalls.run(this, context, new Call.Lifecycle(event)).outcome();
    }

    /**
     * Runs a method the app declares, as the platform does for subscription handlers and
     * {@code runIn}/{@code schedule} targets (see {@link AppIntent}). A method with one parameter
     * receives the event as {@code evt} (null for scheduled runs); one without parameters gets none.
     * An undeclared method is a Failure of type {@code HandlerNotFoundException}.
     */
    default HandlerOutcome runHandler(String method, AppEvent event, InstallationContext context) {
        return ContextCalls.run(this, context, new Call.Handler(method, event)).outcome();
    }

    /**
     * The inputs a dynamic page declares for this Installation, by running its content method
     * (which calls {@code dynamicPage(...) { section { input ... } }}) with the Installation's
     * settings and state. Empty for an unknown page.
     *
     * @throws IllegalStateException when the page's method fails (its message says how)
     */
    default List<PreferenceInput> pageInputs(String page, InstallationContext context) {
        CallResult result = ContextCalls.run(this, context, new Call.Page(page));
        if (result.outcome() instanceof HandlerOutcome.Failure f) {
            throw new IllegalStateException("page " + page + " failed: " + f.type() + ": " + f.message(), f.cause());
        }
        return result.pageInputs();
    }

    /**
     * One page as it reads for this Installation: a static page's sections, or a dynamic page's
     * content method run with the Installation's settings and state (what it leaves, such as the
     * token {@code createAccessToken()} made, goes to the context as any call's effects do).
     *
     * @param name the page; null for the first one
     * @return null for a page the app doesn't have
     * @throws IllegalStateException when the page's method fails (its message says how)
     */
    default AppPage page(String name, InstallationContext context) {
        String wanted = name != null ? name : pageNames().isEmpty() ? "" : pageNames().get(0);
        CallResult result = ContextCalls.run(this, context, new Call.Page(wanted));
        if (result.outcome() instanceof HandlerOutcome.Failure f) {
            throw new IllegalStateException("page " + wanted + " failed: " + f.type() + ": " + f.message(),
                    f.cause());
        }
        return result.page();
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
