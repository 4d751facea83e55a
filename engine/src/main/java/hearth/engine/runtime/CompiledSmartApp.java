package hearth.engine.runtime;

import groovy.lang.Binding;
import groovy.lang.Closure;
import hearth.engine.api.ApiRequest;
import hearth.engine.api.AppDefinition;
import hearth.engine.api.Call;
import hearth.engine.api.CallEffects;
import hearth.engine.api.CallPorts;
import hearth.engine.api.CallResult;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.InstallationSnapshot;
import hearth.engine.api.PreferenceInput;
import hearth.engine.api.SmartApp;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compiled source version. Holds only immutable things (the class, what {@code definition}
 * and {@code preferences} declared); every call makes a fresh script instance with its own
 * {@link CallScope}, so Installations never share state. A call is data in (an
 * {@link InstallationSnapshot}) and data out (a {@link CallResult} with the call's effects).
 */
public final class CompiledSmartApp implements SmartApp {
    private final Class<? extends SmartAppScript> scriptClass;
    private final AppDefinition definition;
    private final List<PreferenceInput> inputs;
    private final Map<String, String> dynamicPages;
    private final List<String> pageOrder;
    private final List<String> pageNames;
    private final List<String> appSettings;
    private final Map<String, Integer> handlers;
    private final CallRunner runner;
    private final Duration timeout;
    private final hearth.engine.http.OutboundHttp outbound;

    CompiledSmartApp(Class<? extends SmartAppScript> scriptClass, AppDefinition definition,
                     List<PreferenceInput> inputs, Map<String, String> dynamicPages, List<String> pageNames,
                     List<String> appSettings, CallRunner runner, Duration timeout,
                     hearth.engine.http.OutboundHttp outbound) {
        this.pageNames = List.copyOf(pageNames);
        this.outbound = outbound;
        this.scriptClass = scriptClass;
        this.definition = definition;
        this.inputs = List.copyOf(inputs);
        this.dynamicPages = Map.copyOf(dynamicPages);
        this.pageOrder = List.copyOf(dynamicPages.keySet());
        this.appSettings = List.copyOf(appSettings);
        this.handlers = handlersOf(scriptClass);
        this.runner = runner;
        this.timeout = timeout;
    }

    @Override
    public AppDefinition definition() {
        return definition;
    }

    @Override
    public List<PreferenceInput> inputs() {
        return inputs;
    }

    @Override
    public List<String> dynamicPages() {
        return pageOrder;
    }

    @Override
    public List<String> pageNames() {
        return pageNames;
    }

    /** The {@code appSetting "x"} names of {@code definition(...) { }}. */
    public List<String> appSettings() {
        return appSettings;
    }

    @Override
    public CallResult call(InstallationSnapshot snapshot, Call call, CallPorts ports) {
        if (call instanceof Call.Api api) {
            return run(snapshot, api.request(), api.queryAccessToken(), ports, scope -> route(scope, api.request()));
        }
        if (call instanceof Call.Lifecycle lifecycle) {
            String method = lifecycle.event().method();
            if (!handlers.containsKey(method)) {
                return new CallResult(ResponseBuilder.noContent(), CallEffects.NONE);
            }
            return run(snapshot, null, null, ports, scope -> {
                invoke(instantiate(scope), scope, method, null);
                return ResponseBuilder.noContent();
            });
        }
        if (call instanceof Call.Handler handler) {
            if (!handlers.containsKey(handler.method())) {
                return new CallResult(new HandlerOutcome.Failure(HandlerNotFoundException.class.getSimpleName(),
                        "the app defines no method " + handler.method() + "()", null), CallEffects.NONE);
            }
            return run(snapshot, null, null, ports, scope -> {
                SmartAppScript script = instantiate(scope);
                invoke(script, scope, handler.method(), handler.event() == null ? null
                        : scope.eventView(handler.event()));
                return ResponseBuilder.noContent();
            });
        }
        String name = ((Call.Page) call).name();
        Map<String, Object> pageParams = new LinkedHashMap<>(((Call.Page) call).params());
        String method = dynamicPages.get(name);
        if (method == null) {
            return pageNames.contains(name) || (name.isEmpty() && pageNames.isEmpty()) ? staticPage(snapshot, name, ports)
                    : new CallResult(ResponseBuilder.noContent(), CallEffects.NONE);
        }
        if (!handlers.containsKey(method)) {
            return new CallResult(ResponseBuilder.noContent(), CallEffects.NONE);
        }
        List<hearth.engine.api.AppPage> found = new java.util.concurrent.CopyOnWriteArrayList<>();
        CallResult result = run(snapshot, null, null, ports, scope -> {
            invoke(instantiate(scope), scope, method, pageParams);
            hearth.engine.api.AppPage page = scope.pageFound != null ? scope.pageFound
                    : scope.preferences.page(name, Map.of());
            found.add(new hearth.engine.api.AppPage(name, page.title(), page.install(), page.uninstall(),
                    page.nextPage(), page.sections()));
            return ResponseBuilder.noContent();
        });
        return found.isEmpty() || result.outcome() instanceof HandlerOutcome.Failure ? result
                : new CallResult(result.outcome(), result.effects(), found.get(0).inputs(), found.get(0));
    }

    /** A static page: the app's top-level code runs with {@code preferences} read for that page only. */
    private CallResult staticPage(InstallationSnapshot snapshot, String name, CallPorts ports) {
        List<hearth.engine.api.AppPage> found = new java.util.concurrent.CopyOnWriteArrayList<>();
        CallResult result = run(snapshot, null, null, ports, scope -> {
            scope.staticPageWanted = name;
            instantiate(scope);
            if (scope.pageFound != null) {
                found.add(scope.pageFound);
            }
            return ResponseBuilder.noContent();
        });
        return found.isEmpty() || result.outcome() instanceof HandlerOutcome.Failure ? result
                : new CallResult(result.outcome(), result.effects(), found.get(0).inputs(), found.get(0));
    }

    private HandlerOutcome route(CallScope scope, ApiRequest request) throws ReflectiveOperationException {
        SmartAppScript script = instantiate(scope);
        if (scope.mappings == null) {
            return new HandlerOutcome.NotFound();
        }
        scope.routes = new RouteTable();
        scope.mappings.call();
        RouteTable.Match match = scope.routes.match(request.method(), request.path());
        if (match instanceof RouteTable.Match.NoPath) {
            return new HandlerOutcome.NotFound();
        }
        if (match instanceof RouteTable.Match.NoMethod m) {
            return new HandlerOutcome.MethodNotAllowed(m.allowed());
        }
        RouteTable.Match.Found found = (RouteTable.Match.Found) match;
        scope.params.putAll(found.pathParams());
        Object result = found.handler() instanceof Closure<?> c
                ? c.call()
                : invoke(script, scope, found.handler().toString(), scope.params);
        return ResponseBuilder.build(request.method(), result, scope.rendered);
    }

    /** A fresh instance whose top-level code has run, so {@code mappings} is recorded and bound to it. */
    private SmartAppScript instantiate(CallScope scope) throws ReflectiveOperationException {
        SmartAppScript script = scriptClass.getConstructor(Binding.class).newInstance(scope.binding);
        script.attach(scope);
        script.run();
        return script;
    }

    /** Runs one of the app's methods; {@code argument} goes to a method that takes one. */
    private Object invoke(SmartAppScript script, CallScope scope, String handler, Object argument) {
        Integer arity = handlers.get(handler);
        if (arity == null) {
            throw new HandlerNotFoundException("the app names handler '" + handler + "' but defines no method "
                    + handler + "()");
        }
        return arity == 0 ? script.invokeMethod(handler, new Object[0])
                : script.invokeMethod(handler, new Object[] {argument});
    }

    private CallResult run(InstallationSnapshot snapshot, ApiRequest request, String queryAccessToken,
                           CallPorts ports, Work work) {
        CallScope scope;
        try {
            scope = CallScope.call(snapshot, request, queryAccessToken, inputs, handlers.keySet(), outbound, ports);
        } catch (RuntimeException e) {
            return new CallResult(new HandlerOutcome.Failure(e.getClass().getSimpleName(),
                    "could not prepare the call: " + e.getMessage(), e), CallEffects.NONE);
        }
        HandlerOutcome outcome;
        String smartAppId = snapshot.smartAppId();
        try {
            // fair shares per Installation and per registered SmartApp (the compiled source when unknown)
            outcome = runner.run(snapshot.installationId(), smartAppId == null ? this : smartAppId, () -> {
                try {
                    HandlerOutcome result = work.run(scope);
                    if (!(result instanceof HandlerOutcome.Failure)) {
                        // serialising state may run app code (GStrings, closures): keep it on the worker
                        scope.stateToSave = scope.changedState();
                    }
                    return result;
                } catch (Throwable t) {
                    if (Outcomes.unwrap(t) instanceof HttpErrorSignal) {
                        try {
                            scope.stateToSave = scope.changedState();
                        } catch (Throwable s) {
                            return Outcomes.of(s);
                        }
                    }
                    return Outcomes.of(t);
                }
            }, timeout);
        } catch (Throwable t) {
            outcome = Outcomes.of(t);
        }
        // A crashed or stopped call may have left state half-changed: keep what was stored.
        return new CallResult(outcome, scope.effects(!(outcome instanceof HandlerOutcome.Failure)));
    }

    /** Methods the app declared, by name, with their parameter count (handlers take none or params). */
    private static Map<String, Integer> handlersOf(Class<?> cls) {
        Map<String, Integer> out = new HashMap<>();
        Set<String> skip = Set.of("run", "main");
        for (Method m : cls.getDeclaredMethods()) {
            if (m.isSynthetic() || Modifier.isStatic(m.getModifiers()) || skip.contains(m.getName())
                    || m.getName().startsWith("$") || m.getParameterCount() > 1) {
                continue;
            }
            out.merge(m.getName(), m.getParameterCount(), Math::min);
        }
        return Map.copyOf(out);
    }

    @FunctionalInterface
    private interface Work {
        HandlerOutcome run(CallScope scope) throws Exception;
    }
}
