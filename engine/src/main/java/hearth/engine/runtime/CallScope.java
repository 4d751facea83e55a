package hearth.engine.runtime;

import groovy.json.JsonSlurper;
import groovy.lang.Closure;
import hearth.engine.api.ApiRequest;
import hearth.engine.api.AppIntent;
import hearth.engine.api.CallEffects;
import hearth.engine.api.CallPorts;
import hearth.engine.api.DeviceCommand;
import hearth.engine.api.DeviceEvent;
import hearth.engine.api.DeviceSnapshot;
import hearth.engine.api.InstallationSnapshot;
import hearth.engine.api.LocationInfo;
import hearth.engine.api.LogLine;
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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one run of a script instance may see and leaves behind: in the DESCRIBE phase (at
 * compile time) what {@code definition} and {@code preferences} declare; in the CALL phase the
 * Installation's snapshot, the request, the {@code state} map, what {@code mappings} and
 * {@code render} produced, and the call's effects as they accumulate (device commands, intents, log
 * lines, outbound requests). One scope per call; only its effects are read by another thread (the
 * caller's, when the call ends or its deadline passes), so they are kept in synchronized lists.
 */
final class CallScope {
    enum Phase { DESCRIBE, CALL }

    /** Bounds the state an app can keep, since memory can't be bounded per script (SANDBOX.md). */
    static final int MAX_STATE_CHARS = 256 * 1024;
    /** Bounds the commands one call may leave for its host to carry out. */
    static final int MAX_COMMANDS = 10_000;

    final Phase phase;
    /** The Installation as it was when the call began; null at registration. */
    final InstallationSnapshot snapshot;
    final CallPorts ports;
    final ApiRequest request;
    final ScopeBinding binding;
    final Map<String, Object> params;

    Map<String, Object> definitionArgs;
    final List<String> appSettings = new ArrayList<>();
    /** Where {@code input}s go; AppDescriber swaps in a fresh one per dynamic page. */
    PreferencesCollector preferences = new PreferencesCollector();
    Map<String, Object> preferencesOptions;
    boolean preferencesDeclared;
    /** In a page call, the static page to read from {@code preferences} ("" for one without pages); else null. */
    String staticPageWanted;
    /** True while {@code preferences} is read for {@link #staticPageWanted}. */
    boolean scanningPages;
    /** The page a page call read, once read. */
    hearth.engine.api.AppPage pageFound;
    Closure<?> mappings;
    RouteTable routes;
    RenderedResponse rendered;
    final Intents intents;
    /** The outbound requests of this call; null at registration, where apps may not make any. */
    final hearth.engine.http.OutboundCall outbound;

    /** One view per device, whichever inputs hold it, so a command through one shows through all. */
    private final Map<String, DeviceView> deviceViews = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<DeviceCommand> commands = Collections.synchronizedList(new ArrayList<>());
    private final List<LogLine> logLines = Collections.synchronizedList(new ArrayList<>());
    /** The call's {@code log}; null at registration. */
    private AppLog appLog;
    private String stateBefore;
    /** The state JSON to save, worked out on the worker at the end of the call; null when unchanged. */
    String stateToSave;

    private CallScope(Phase phase, InstallationSnapshot snapshot, CallPorts ports, ApiRequest request,
                      Map<String, Object> variables, Set<String> handlerNames, Map<String, Object> params,
                      String stateBefore, Intents intents, hearth.engine.http.OutboundCall outbound) {
        this.intents = intents;
        this.outbound = outbound;
        this.phase = phase;
        this.snapshot = snapshot;
        this.ports = ports;
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
        // a Location with nothing in it yet, so that a dynamic page reading location.helloHome?.getPhrases()
        // or location.hubs still declares its inputs (classic showed such pages at install)
        vars.put("location", new LocationView(new LocationInfo("", "", "UTC", null, List.of(), null), mode -> { }));
        vars.put("request", null);
        return new CallScope(Phase.DESCRIBE, null, CallPorts.NONE, null, vars, Set.of(), new LinkedHashMap<>(), "{}",
                new Intents(), null);
    }

    /** The scope of one call: everything the app sees comes from the snapshot, read here. */
    static CallScope call(InstallationSnapshot snapshot, ApiRequest request, String queryAccessToken,
                          List<PreferenceInput> inputs, Set<String> handlerNames,
                          hearth.engine.http.OutboundHttp outbound, CallPorts ports) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (request != null) {
            params.putAll(request.query());
            if (queryAccessToken != null) {
                params.put("access_token", queryAccessToken);
            }
            formFields(request).forEach(params::putIfAbsent);
        }
        Map<String, Object> settings = new LinkedHashMap<>(snapshot.settings());
        Intents intents = new Intents();
        CallScope scope = new CallScope(Phase.CALL, snapshot, ports, request, settings, handlerNames, params,
                null, intents, outbound.newCall());
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = scope.binding.getVariables();
        for (PreferenceInput input : inputs) {
            if (input.isDevice()) {
                Object value = scope.devicesFor(snapshot.devices(input.name()), input.multiple());
                vars.put(input.name(), value);
                settings.put(input.name(), value);
            } else if (!vars.containsKey(input.name())) {
                vars.put(input.name(), input.defaultValue());
                settings.putIfAbsent(input.name(), input.defaultValue());
            }
        }
        Map<String, Object> state = loadState(snapshot.state());
        scope.stateBefore = Json.write(state);
        LocationInfo location = snapshot.location();
        vars.put("params", params);
        vars.put("settings", settings);
        vars.put("state", state);
        vars.put("atomicState", state);
        vars.put("location", location == null ? null
                : new LocationView(location, mode -> intents.add(new AppIntent.SetLocationMode(mode)),
                        ports::locationEvents, ports::routines,
                        routine -> intents.add(new AppIntent.ExecuteRoutine(routine.id())), scope::hubs));
        vars.put("app", new AppView(snapshot.installationId(), snapshot.label(), snapshot.label(),
                () -> subscriptionsOf(ports.subscriptions(), vars),
                (name, value) -> updateSetting(inputs, settings, vars, intents, name, value)));
        scope.appLog = new AppLog(scope.logLines);
        vars.put("log", scope.appLog);
        vars.put("request", request == null ? null : new RequestView(request));
        return scope;
    }

    /**
     * A form body's fields ({@code application/x-www-form-urlencoded}), on every method: Grails put
     * them into {@code params} beside the query's (which win here when both name a field), and apps
     * that take {@code POST ...?deviceId=} with a posted {@code callbackUrl} rely on it. First value of each.
     */
    private static Map<String, String> formFields(ApiRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (!request.contentType().toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                || request.body().isEmpty()) {
            return fields;
        }
        for (String pair : request.body().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq),
                        java.nio.charset.StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1),
                        java.nio.charset.StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException malformed) {
                // a broken %-escape: that field is left out, as a servlet container would
            }
        }
        return fields;
    }

    /**
     * {@code app.updateSetting}: a value setting (never a device input: which devices an app reaches
     * is the owner's choice) changes at once in {@code settings} and as a name, and the host keeps it.
     */
    private static void updateSetting(List<PreferenceInput> inputs, Map<String, Object> settings,
                                      Map<String, Object> vars, Intents intents, String name, Object value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("app.updateSetting needs the setting's name");
        }
        if (inputs.stream().anyMatch(i -> i.isDevice() && i.name().equals(name))
                || vars.get(name) instanceof DeviceView || vars.get(name) instanceof DeviceList) {
            throw new IllegalArgumentException("app.updateSetting can't change the devices of '" + name
                    + "': the owner chooses them");
        }
        Object given = value instanceof Map<?, ?> m && m.containsKey("value") ? m.get("value") : value;
        Object plain = PlainValues.of(given);
        intents.add(new AppIntent.UpdateSetting(name, plain));
        settings.put(name, plain);
        vars.put(name, plain);
    }

    /**
     * The effects so far, for the host. {@code kept} is false after a crash, timeout or refusal:
     * then state and intents are dropped, while commands, log lines and outbound requests stand.
     */
    CallEffects effects(boolean kept) {
        List<DeviceCommand> sent;
        synchronized (commands) {
            sent = List.copyOf(commands);
        }
        List<LogLine> lines;
        synchronized (logLines) {
            lines = List.copyOf(logLines);
        }
        LogLine dropped = appLog == null ? null : appLog.dropLine();
        if (dropped != null) {
            lines = new ArrayList<>(lines);
            lines.add(dropped);
        }
        return new CallEffects(kept ? stateToSave : null, sent, kept ? intents.all() : List.of(), lines,
                outbound == null ? List.of() : outbound.made());
    }

    /** Where this call's devices send their commands and ask for their history. */
    private final DeviceView.Access deviceAccess = new DeviceView.Access() {
        @Override
        public void command(String deviceId, String command, List<Object> arguments) {
            synchronized (commands) {
                if (commands.size() >= MAX_COMMANDS) {
                    throw new IllegalStateException("too many device commands in one call (limit " + MAX_COMMANDS
                            + ")");
                }
                commands.add(new DeviceCommand(deviceId, command, arguments));
            }
        }

        @Override
        public List<DeviceEvent> events(String deviceId, hearth.engine.api.EventQuery query) {
            return ports.deviceEvents(deviceId, query);
        }

        @Override
        public hearth.engine.dsl.HubView hub(String hubId) {
            if (hubId != null) {
                for (hearth.engine.api.HubSnapshot h : hubs()) {
                    if (h.id().equals(hubId)) {
                        return new hearth.engine.dsl.HubView(h);
                    }
                }
            }
            LocationInfo location = snapshot.location();
            return new hearth.engine.dsl.HubView(location == null ? "virtual" : location.id());
        }
    };

    /** The Location's real hubs, asked of the host once per call, when the app first reads one. */
    private List<hearth.engine.api.HubSnapshot> hubsRead;

    synchronized List<hearth.engine.api.HubSnapshot> hubs() {
        if (hubsRead == null) {
            hubsRead = List.copyOf(ports.hubs());
        }
        return hubsRead;
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
            List<AppIntent.Subscribe> held, Map<String, Object> vars) {
        List<hearth.engine.dsl.SubscriptionView> out = new ArrayList<>();
        for (AppIntent.Subscribe s : held) {
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
        if (snapshot != null) {
            List<DeviceSnapshot> devices = snapshot.devices(name);
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

    private Object devicesFor(List<DeviceSnapshot> devices, boolean multiple) {
        List<DeviceView> views = devices.stream()
                .map(d -> deviceViews.computeIfAbsent(d.id(), id -> new DeviceView(d, deviceAccess))).toList();
        if (multiple) {
            // classic: a multiple input with nothing chosen is null, not [] (apps test `if (switches == null)`)
            return views.isEmpty() ? null : new DeviceList(views);
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
