package hearth.engine.runtime;

import groovy.lang.Binding;
import hearth.engine.api.AppDefinition;
import hearth.engine.api.CompilationProblem;
import hearth.engine.api.SmartAppCompilationException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a freshly compiled app's top-level code once, in the DESCRIBE phase, to read what
 * {@code definition} and {@code preferences} declare, and refuses apps without
 * {@code definition} or {@code mappings}.
 */
public final class AppDescriber {
    private final CallRunner runner;
    private final Duration timeout;
    private final hearth.engine.http.OutboundHttp outbound;

    public AppDescriber(CallRunner runner, Duration timeout, hearth.engine.http.OutboundHttp outbound) {
        this.runner = runner;
        this.timeout = timeout;
        this.outbound = outbound;
    }

    public CompiledSmartApp describe(Class<? extends SmartAppScript> scriptClass) throws SmartAppCompilationException {
        CallScope scope = CallScope.describe();
        CompilationProblem failed;
        try {
            failed = runner.run(() -> {
                try {
                    SmartAppScript script = scriptClass.getConstructor(Binding.class).newInstance(scope.binding);
                    script.attach(scope);
                    script.run();
                    scope.definitionArgs = PlainValues.map(scope.definitionArgs);
                    readDynamicPages(script, scope);
                    return null;
                } catch (Throwable t) {
                    // described here, on the worker: a message may run app code when built
                    return problem(t, scriptClass);
                }
            }, timeout);
        } catch (Throwable t) {
            failed = new CompilationProblem(0, 0, "the app's top-level code failed: " + t.getClass().getSimpleName()
                    + ": " + t.getMessage());
        }
        if (failed != null) {
            throw new SmartAppCompilationException(List.of(failed));
        }
        List<CompilationProblem> problems = new ArrayList<>();
        if (scope.definitionArgs == null) {
            problems.add(new CompilationProblem(0, 0,
                    "the app has no definition(name: ..., namespace: ..., ...); every SmartApp starts with one"));
        } else if (scope.definitionArgs.get("name") == null || scope.definitionArgs.get("name").toString().isBlank()) {
            problems.add(new CompilationProblem(0, 0, "definition(...) needs a name: definition(name: \"My App\", ...)"));
        }
        if (scope.mappings == null) {
            problems.add(new CompilationProblem(0, 0,
                    "the app has no mappings { path(\"/...\") { action: [GET: \"handler\"] } }; "
                            + "a Web Services SmartApp needs at least one"));
        }
        if (!problems.isEmpty()) {
            throw new SmartAppCompilationException(problems);
        }
        return new CompiledSmartApp(scriptClass, definitionOf(scope.definitionArgs), scope.preferences.inputs(),
                scope.preferences.dynamicPages(), scope.preferences.pageNames(), scope.appSettings, runner, timeout, outbound);
    }

    /**
     * Best effort, so that a consent screen can offer them: the inputs dynamic pages declare when
     * run with nothing chosen yet. A page that fails that way is skipped; {@code pageInputs} gives
     * the exact inputs for an Installation.
     */
    private static void readDynamicPages(SmartAppScript script, CallScope scope) {
        PreferencesCollector declared = scope.preferences;
        java.util.Set<String> names = new java.util.HashSet<>();
        declared.inputs().forEach(i -> names.add(i.name()));
        for (String method : declared.dynamicPages().values()) {
            PreferencesCollector page = new PreferencesCollector();
            scope.preferences = page;
            try {
                script.invokeMethod(method, new Object[0]);
                for (hearth.engine.api.PreferenceInput input : page.inputs()) {
                    if (names.add(input.name())) {
                        declared.add(input);
                    }
                }
            } catch (RuntimeException e) {
                // this page needs an Installation to say what it asks for
            } finally {
                scope.preferences = declared;
            }
        }
    }

    private static CompilationProblem problem(Throwable t, Class<?> scriptClass) {
        Throwable cause = Outcomes.unwrap(t);
        String message;
        try {
            message = cause.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            message = null;
        }
        return new CompilationProblem(lineIn(cause, scriptClass), 0, "the app's top-level code failed: "
                + cause.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    private static AppDefinition definitionOf(Map<String, Object> d) {
        Object oauth = d.get("oauth");
        boolean enabled = oauth instanceof Map<?, ?> || Boolean.TRUE.equals(oauth)
                || (oauth != null && "true".equalsIgnoreCase(oauth.toString()));
        String oauthName = oauth instanceof Map<?, ?> m && m.get("displayName") != null
                ? m.get("displayName").toString() : null;
        Object single = d.get("singleInstance");
        return new AppDefinition(str(d.get("name")), str(d.get("namespace")), str(d.get("author")),
                str(d.get("description")), str(d.get("category")), enabled, oauthName,
                single != null && Boolean.parseBoolean(single.toString()));
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** The line of the app's source the failure happened on, from the stack trace; 0 when not found. */
    static int lineIn(Throwable t, Class<?> scriptClass) {
        String name = scriptClass.getName();
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith(name) && e.getLineNumber() > 0) {
                return e.getLineNumber();
            }
        }
        return 0;
    }
}
