package hearth.engine.api;

import java.util.Objects;

/** What one call of a SmartApp is: the same snapshot in and effects out for every kind. */
public sealed interface Call {

    /**
     * A request to the Installation's REST API, routed by {@code mappings}.
     *
     * @param queryAccessToken the call's token when the client sent it as {@code ?access_token=}, else
     *                         null: classic apps read it as {@code params.access_token} (many compare it
     *                         with {@code state.accessToken}), though {@link ApiRequest#query()} has it
     *                         removed. The engine never logs it.
     */
    record Api(ApiRequest request, String queryAccessToken) implements Call {
        public Api {
            Objects.requireNonNull(request, "request");
        }
    }

    /** {@code installed()}, {@code updated()} or {@code uninstalled()}, when the app defines it. */
    record Lifecycle(SmartApp.Lifecycle event) implements Call {
        public Lifecycle {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * A method the app declares, run for a subscribed event ({@code event} set) or a {@code runIn} /
     * {@code schedule} time ({@code event} null). An undeclared method is a Failure of type
     * {@code HandlerNotFoundException}.
     */
    record Handler(String method, AppEvent event) implements Call {
        public Handler {
            Objects.requireNonNull(method, "method");
        }
    }

    /**
     * A dynamic page's content method, for the inputs it declares ({@link CallResult#pageInputs()});
     * an unknown page declares none.
     *
     * @param params what the {@code href(page:, params: [...])} that led here hands the page: classic
     *               called {@code def pageName(params)} with them (a method without a parameter ignores them)
     */
    record Page(String name, java.util.Map<String, String> params) implements Call {
        public Page {
            Objects.requireNonNull(name, "name");
            params = params == null ? java.util.Map.of() : java.util.Map.copyOf(params);
        }

        public Page(String name) {
            this(name, null);
        }
    }
}
