package hearth.engine.runtime;

import groovy.json.JsonSlurper;
import groovy.lang.Closure;
import hearth.engine.api.ApiRequest;
import hearth.engine.api.DeviceHandle;
import hearth.engine.api.InstallationContext;
import hearth.engine.api.LocationInfo;
import hearth.engine.api.PreferenceInput;
import hearth.engine.dsl.AppLog;
import hearth.engine.dsl.AppView;
import hearth.engine.dsl.DeviceList;
import hearth.engine.dsl.DeviceView;
import hearth.engine.dsl.Json;
import hearth.engine.dsl.LocationView;
import hearth.engine.dsl.RequestView;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one run of a script instance may see and leaves behind: in the DESCRIBE phase (at
 * compile time) what {@code definition} and {@code preferences} declare; in the CALL phase the
 * Installation's context, the request, the {@code state} map and what {@code mappings} and
 * {@code render} produced. One scope per call, never shared between threads.
 */
final class CallScope {
    enum Phase { DESCRIBE, CALL }

    /** Bounds the state an app can keep, since memory can't be bounded per script (SANDBOX.md). */
    static final int MAX_STATE_CHARS = 256 * 1024;

    final Phase phase;
    final InstallationContext context;
    final ApiRequest request;
    final ScopeBinding binding;
    final Map<String, Object> params;

    Map<String, Object> definitionArgs;
    final List<String> appSettings = new ArrayList<>();
    /** Where {@code input}s go; AppDescriber swaps in a fresh one per dynamic page. */
    PreferencesCollector preferences = new PreferencesCollector();
    Map<String, Object> preferencesOptions;
    boolean preferencesDeclared;
    Closure<?> mappings;
    RouteTable routes;
    RenderedResponse rendered;
    final Intents intents;
    /** The outbound requests of this call; null at registration, where apps may not make any. */
    final hearth.engine.http.OutboundCall outbound;

    private final String stateBefore;
    /** The state JSON to save, worked out on the worker at the end of the call; null when unchanged. */
    String stateToSave;

    private CallScope(Phase phase, InstallationContext context, ApiRequest request, Map<String, Object> variables,
                      Set<String> handlerNames, Map<String, Object> params, String stateBefore, Intents intents,
                      hearth.engine.http.OutboundCall outbound) {
        this.intents = intents;
        this.outbound = outbound;
        this.phase = phase;
        this.context = context;
        this.request = request;
        this.params = params;
        this.stateBefore = stateBefore;
        this.binding = new ScopeBinding(variables, name -> lookup(name, handlerNames));
    }

    /** The scope of the compile-time run that reads {@code definition} and {@code preferences}. */
    static CallScope describe() {
        Map<String, Object> vars = new LinkedHashMap<>();
        Map<String, Object> state = new LinkedHashMap<>();
        vars.put("params", new LinkedHashMap<String, Object>());
        vars.put("settings", new LinkedHashMap<String, Object>());
        vars.put("state", state);
        vars.put("atomicState", state);
        vars.put("log", new AppLog("compile"));
        vars.put("app", new AppView("", "", ""));
        vars.put("location", null);
        vars.put("request", null);
        return new CallScope(Phase.DESCRIBE, null, null, vars, Set.of(), new LinkedHashMap<>(), "{}", new Intents(),
                null);
    }

    /**
     * The scope of one handler or lifecycle call. Reads settings, the chosen devices and state from
     * the context here, on the caller's thread, since hosts often tie those to their own thread.
     */
    static CallScope call(InstallationContext context, ApiRequest request, List<PreferenceInput> inputs,
                          Set<String> handlerNames, hearth.engine.http.OutboundHttp outbound) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (request != null) {
            params.putAll(request.query());
            String token = context.queryAccessToken();
            if (token != null) {
                params.put("access_token", token);
            }
        }
        Map<String, Object> settings = new LinkedHashMap<>(context.settings());
        Map<String, Object> vars = new LinkedHashMap<>(settings);
        for (PreferenceInput input : inputs) {
            if (input.isDevice()) {
                Object value = devicesFor(context.devices(input.name()), input.multiple());
                vars.put(input.name(), value);
                settings.put(input.name(), value);
            } else if (!vars.containsKey(input.name())) {
                vars.put(input.name(), input.defaultValue());
                settings.putIfAbsent(input.name(), input.defaultValue());
            }
        }
        String stored = context.state().load();
        Map<String, Object> state = loadState(stored);
        String before = Json.write(state);
        LocationInfo location = context.location();
        vars.put("params", params);
        vars.put("settings", settings);
        vars.put("state", state);
        vars.put("atomicState", state);
        Intents intents = new Intents();
        vars.put("location", location == null ? null
                : new LocationView(location, mode -> intents.add(new hearth.engine.api.AppIntent.SetLocationMode(mode))));
        vars.put("app", new AppView(context.installationId(), context.label(), context.label(),
                () -> subscriptionsOf(context.subscriptions(), vars)));
        vars.put("log", new AppLog(context.installationId()));
        vars.put("request", request == null ? null : new RequestView(request));
        return new CallScope(Phase.CALL, context, request, vars, handlerNames, params, before, intents,
                outbound.newCall());
    }

    /** {@code evt} for a handler: with the device when it is one of this Installation's. */
    hearth.engine.dsl.EventView eventView(hearth.engine.api.AppEvent event) {
        DeviceView device = null;
        if (event.deviceId() != null) {
            for (Object value : binding.getVariables().values()) {
                if (value instanceof DeviceView d && d.getId().equals(event.deviceId())) {
                    device = d;
                } else if (value instanceof DeviceList list) {
                    for (DeviceView d : list) {
                        if (d.getId().equals(event.deviceId())) {
                            device = d;
                        }
                    }
                }
            }
        }
        return new hearth.engine.dsl.EventView(event, device);
    }

    /** {@code app.subscriptions}: one entry per device, with the device when it is one of this Installation's. */
    private static List<hearth.engine.dsl.SubscriptionView> subscriptionsOf(
            List<hearth.engine.api.AppIntent.Subscribe> held, Map<String, Object> vars) {
        List<hearth.engine.dsl.SubscriptionView> out = new ArrayList<>();
        for (hearth.engine.api.AppIntent.Subscribe s : held) {
            if (s.deviceIds().isEmpty()) {
                out.add(new hearth.engine.dsl.SubscriptionView(null, null, s.event(), s.handler()));
            }
            for (String id : s.deviceIds()) {
                out.add(new hearth.engine.dsl.SubscriptionView(deviceIn(vars, id), id, s.event(), s.handler()));
            }
        }
        return out;
    }

    private static DeviceView deviceIn(Map<String, Object> vars, String id) {
        for (Object value : vars.values()) {
            if (value instanceof DeviceView d && d.getId().equals(id)) {
                return d;
            }
            if (value instanceof DeviceList list) {
                for (DeviceView d : list) {
                    if (d.getId().equals(id)) {
                        return d;
                    }
                }
            }
        }
        return null;
    }

    /** The state as JSON when the call changed it, else null. */
    String changedState() {
        Object s = binding.getVariables().get("state");
        if (!(s instanceof Map<?, ?>)) {
            return null;
        }
        String now = Json.write(s);
        if (now.equals(stateBefore)) {
            return null;
        }
        if (now.length() > MAX_STATE_CHARS) {
            throw new StateTooLargeException("state would be " + now.length()
                    + " characters of JSON; the limit is " + MAX_STATE_CHARS);
        }
        return now;
    }

    /**
     * Names the binding doesn't hold: devices of inputs only dynamic pages declare, and handler
     * method names used bare, as classic {@code subscribe(switches, "switch", switchHandler)}.
     */
    private Object lookup(String name, Set<String> handlerNames) {
        if (context != null) {
            List<DeviceHandle> devices = context.devices(name);
            if (!devices.isEmpty()) {
                Object value = devicesFor(devices, true);
                binding.getVariables().put(name, value);
                return value;
            }
        }
        if (handlerNames.contains(name)) {
            return name;
        }
        // at compile time nothing is chosen yet: an input read by a dynamic page is simply unset
        return phase == Phase.DESCRIBE ? null : ScopeBinding.UNKNOWN;
    }

    private static Object devicesFor(List<DeviceHandle> handles, boolean multiple) {
        List<DeviceView> views = handles.stream().map(DeviceView::new).toList();
        if (multiple) {
            return new DeviceList(views);
        }
        return views.isEmpty() ? null : views.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> loadState(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        Object parsed = new JsonSlurper().parseText(json);
        return parsed instanceof Map<?, ?> m ? (Map<String, Object>) mutableCopy(m) : new LinkedHashMap<>();
    }

    /** JsonSlurper's lazy maps are fine to read but surprising to mutate and compare; use plain ones. */
    private static Object mutableCopy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), mutableCopy(v)));
            return out;
        }
        if (o instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(v -> out.add(mutableCopy(v)));
            return out;
        }
        return o;
    }
}
