package hearth.engine.runtime;

import groovy.lang.Closure;
import groovy.lang.Script;
import hearth.engine.api.AppIntent;
import hearth.engine.dsl.AsyncHttp;
import hearth.engine.dsl.AsyncResponseView;
import hearth.engine.dsl.DeviceView;
import hearth.engine.dsl.HttpResponseView;
import hearth.engine.http.OutboundCall;
import hearth.engine.http.OutboundRequestRefusedException;
import hearth.engine.sandbox.SmartAppApi;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * The base class of every compiled SmartApp: the classic DSL ({@code definition},
 * {@code preferences}, {@code mappings}, ...) and the platform methods handlers call
 * ({@code render}, {@code httpError}, {@code now}, ...). Each instance serves one call and reaches
 * the Installation only through its {@link CallScope}. What an app may call on itself is exactly
 * the methods marked {@link SmartAppApi} here (plus its own methods): a new DSL method is one
 * public method with that annotation.
 */
public abstract class SmartAppScript extends Script {
    private CallScope scope;

    protected SmartAppScript() {
    }

    protected SmartAppScript(groovy.lang.Binding binding) {
        super(binding);
    }

    void attach(CallScope scope) {
        this.scope = scope;
        setBinding(scope.binding);
    }

    // ---- definition -------------------------------------------------------------------------

    @SmartAppApi
    public void definition(Map<String, Object> args) {
        if (scope.phase == CallScope.Phase.DESCRIBE) {
            scope.definitionArgs = new LinkedHashMap<>(args);
        }
    }

    /** {@code definition(...) { appSetting "x" }}. */
    @SmartAppApi
    public void definition(Map<String, Object> args, Closure<?> body) {
        definition(args);
        if (scope.phase == CallScope.Phase.DESCRIBE) {
            body.call();
        }
    }

    @SmartAppApi
    public void appSetting(String name) {
        scope.appSettings.add(name);
    }

    // ---- preferences ------------------------------------------------------------------------

    @SmartAppApi
    public void preferences(Closure<?> body) {
        preferences(Map.of(), body);
    }

    /**
     * {@code preferences(oauthPage: "p") { page(...) { ... } }}: read at compile time, and in a page
     * call for the static page asked for (the others' bodies don't run).
     */
    @SmartAppApi
    public void preferences(Map<String, Object> options, Closure<?> body) {
        if (scope.phase == CallScope.Phase.DESCRIBE) {
            scope.preferencesDeclared = true;
            scope.preferencesOptions = new LinkedHashMap<>(options);
            body.call();
        } else if (scope.staticPageWanted != null && scope.pageFound == null) {
            scope.scanningPages = true;
            try {
                body.call();
            } finally {
                scope.scanningPages = false;
            }
            if (scope.pageFound == null && scope.staticPageWanted.isEmpty()) {
                scope.pageFound = scope.preferences.page("", options);
            }
        }
    }

    /**
     * {@code page(name: "p", content: "method")}, or classic shorthand {@code page(name: "p")}
     * whose content is the method named like the page: a dynamic page.
     */
    @SmartAppApi
    public void page(Map<String, Object> options) {
        Object content = options.get("content");
        Object name = options.get("name");
        if (content == null) {
            content = name;
        }
        if (name != null && scope.phase == CallScope.Phase.DESCRIBE) {
            scope.preferences.pageName(String.valueOf(name));
            scope.preferences.dynamicPage(String.valueOf(name), content.toString());
        }
    }

    @SmartAppApi
    public void page(Map<String, Object> options, Closure<?> body) {
        Object content = options.get("content");
        if (content != null) {
            page(options);
        }
        Object name = options.get("name");
        if (scope.phase == CallScope.Phase.DESCRIBE) {
            if (name != null) {
                scope.preferences.pageName(String.valueOf(name));
            }
            body.call();
        } else if (scope.scanningPages && scope.pageFound == null && name != null
                && String.valueOf(name).equals(scope.staticPageWanted)) {
            PreferencesCollector outer = scope.preferences;
            scope.preferences = new PreferencesCollector();
            try {
                body.call();
                scope.pageFound = scope.preferences.page(String.valueOf(name), options);
            } finally {
                scope.preferences = outer;
            }
        }
    }

    @SmartAppApi
    public void page(String name, String title, Closure<?> body) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("name", name);
        options.put("title", title);
        page(options, body);
    }

    /** A dynamic page's content method calls this; it answers a description of the page. */
    @SmartAppApi
    public Map<String, Object> dynamicPage(Map<String, Object> options, Closure<?> body) {
        body.call();
        Map<String, Object> page = new LinkedHashMap<>(options);
        page.put("inputs", scope.preferences.inputs());
        if (scope.phase == CallScope.Phase.CALL && scope.pageFound == null) {
            Object name = options.get("name");
            scope.pageFound = scope.preferences.page(name == null ? "" : name.toString(), options);
        }
        return page;
    }

    @SmartAppApi
    public void section(Closure<?> body) {
        section(Map.of(), null, body);
    }

    @SmartAppApi
    public void section(String title, Closure<?> body) {
        section(Map.of(), title, body);
    }

    @SmartAppApi
    public void section(Map<String, Object> options, Closure<?> body) {
        Object title = options.get("title");
        section(options, title == null ? null : title.toString(), body);
    }

    @SmartAppApi
    public void section(Map<String, Object> options, String title, Closure<?> body) {
        scope.preferences.inSection(title, PreferencesCollector.truthy(options.get("hideable"), false),
                PreferencesCollector.truthy(options.get("hidden"), false), body::call);
    }

    @SmartAppApi
    public void input(Map<String, Object> options) {
        scope.preferences.input(options, null, null);
    }

    @SmartAppApi
    public void input(String name, String type) {
        scope.preferences.input(Map.of(), name, type);
    }

    @SmartAppApi
    public void input(Map<String, Object> options, String name, String type) {
        scope.preferences.input(options, name, type);
    }

    @SmartAppApi
    public void input(Map<String, Object> options, String name) {
        scope.preferences.input(options, name, null);
    }

    @SmartAppApi
    public void input(String name, String type, Map<String, Object> options) {
        scope.preferences.input(options, name, type);
    }

    // ---- what a page shows besides inputs (recorded for the host to render; the app's own text) ----

    @SmartAppApi
    public void paragraph(Object text) {
        paragraph(Map.of(), text);
    }

    @SmartAppApi
    public void paragraph(Map<String, Object> options, Object text) {
        scope.preferences.element(new hearth.engine.api.AppPage.Paragraph(
                PreferencesCollector.string(options.get("title")), text == null ? null : text.toString()));
    }

    /** {@code paragraph(title: "t", "text")} reaches here when the text is among the options. */
    @SmartAppApi
    public void paragraph(Map<String, Object> options) {
        paragraph(options, options.get("text") != null ? options.get("text") : options.get("description"));
    }

    @SmartAppApi
    public void label(Map<String, Object> options) {
        scope.preferences.element(new hearth.engine.api.AppPage.Label(
                PreferencesCollector.string(options.get("title")),
                PreferencesCollector.truthy(options.get("required"), false)));
    }

    @SmartAppApi
    public void mode(Map<String, Object> options) {
        scope.preferences.element(new hearth.engine.api.AppPage.Mode(
                PreferencesCollector.string(options.get("title")),
                PreferencesCollector.truthy(options.get("required"), false)));
    }

    @SmartAppApi
    public void icon(Map<String, Object> options) {
    }

    @SmartAppApi
    public void href(Map<String, Object> options) {
        href(options, null);
    }

    /** {@code href "page", title: "..."} or {@code href(name:, page:/url:, style: "external", ...)}. */
    @SmartAppApi
    public void href(Map<String, Object> options, String page) {
        String target = page != null ? page : PreferencesCollector.string(options.get("page"));
        String url = PreferencesCollector.string(options.get("url"));
        Map<String, String> params = new LinkedHashMap<>();
        if (options.get("params") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> params.put(String.valueOf(k), v == null ? null : v.toString()));
        }
        params.values().removeIf(java.util.Objects::isNull);
        scope.preferences.element(new hearth.engine.api.AppPage.Href(
                PreferencesCollector.string(options.get("name")), PreferencesCollector.string(options.get("title")),
                PreferencesCollector.string(options.get("description")), url == null ? target : null, url,
                "external".equals(PreferencesCollector.string(options.get("style"))),
                PreferencesCollector.truthy(options.get("required"), false), params));
    }

    @SmartAppApi
    public void href(String page) {
        href(Map.of(), page);
    }

    @SmartAppApi
    public void app(Map<String, Object> options) {
    }

    // ---- mappings ---------------------------------------------------------------------------

    /** Only recorded here: the engine evaluates it per request, with {@code params} and {@code state} set. */
    @SmartAppApi
    public void mappings(Closure<?> body) {
        scope.mappings = body;
    }

    /**
     * {@code path("/x") { action: [GET: "h"] }}: {@code action:} is a statement label there, so the
     * closure's value is the map; {@code action(GET: "h")} works too.
     */
    @SmartAppApi
    public void path(String pattern, Closure<?> body) {
        if (scope.routes == null) {
            throw new IllegalStateException("path(...) belongs inside mappings { }");
        }
        Object value = body.call();
        scope.routes.add(pattern, value instanceof Map<?, ?> actions ? actions : null);
    }

    @SmartAppApi
    public Map<String, Object> action(Map<String, Object> actions) {
        return actions;
    }

    // ---- handler helpers --------------------------------------------------------------------

    @SmartAppApi
    public long now() {
        return System.currentTimeMillis();
    }

    @SmartAppApi
    public RenderedResponse render(Map<String, Object> options) {
        Object status = options.get("status");
        int code = status instanceof Number n ? n.intValue() : status == null ? 200 : Integer.parseInt(status.toString());
        requireStatus(code);
        Object contentType = options.get("contentType");
        if (contentType != null && contentType.toString().matches(".*[\\r\\n].*")) {
            throw new IllegalArgumentException("contentType must be one line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (options.get("headers") instanceof Map<?, ?> h) {
            String origin = scope.snapshot == null ? null : scope.snapshot.apiServerUrl();
            h.forEach((k, v) -> {
                String name = ResponseHeaders.name(k);
                String value = ResponseHeaders.value(v);
                ResponseHeaders.check(name, value, origin);
                headers.put(name, value);
            });
        }
        RenderedResponse r = new RenderedResponse(code, contentType == null ? null : contentType.toString(),
                options.get("data"), headers);
        scope.rendered = r;
        return r;
    }

    @SmartAppApi
    public void httpError(int status, String message) {
        requireStatus(status);
        throw new HttpErrorSignal(status, message);
    }

    @SmartAppApi
    public void httpError(int status) {
        httpError(status, "");
    }

    private static void requireStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is between 100 and 599, not " + status);
        }
    }

    @SmartAppApi
    public String getApiServerUrl() {
        // at compile time (dynamic pages read for their inputs) there is no server yet
        return scope.snapshot == null ? "" : scope.snapshot.apiServerUrl();
    }

    /** Classic {@code apiServerUrl("/api/...")}: the server's base URL joined with the path. */
    @SmartAppApi
    public String apiServerUrl(String path) {
        String base = getApiServerUrl();
        if (path == null || path.isEmpty()) {
            return base;
        }
        return path.startsWith("/") ? base + path : base + "/" + path;
    }

    @SmartAppApi
    public String getFullApiServerUrl() {
        return scope.snapshot == null ? "" : getApiServerUrl() + "/api/smartapps/installations/"
                + scope.snapshot.installationId();
    }

    @SmartAppApi
    public String fullApiServerUrl(String path) {
        String base = getFullApiServerUrl();
        if (path == null || path.isEmpty()) {
            return base;
        }
        return path.startsWith("/") ? base + path : base + "/" + path;
    }

    @SmartAppApi
    public String getApiServerUrl(String path) {
        return apiServerUrl(path);
    }

    @SuppressWarnings("unchecked")
    @SmartAppApi
    public String createAccessToken() {
        if (scope.snapshot == null) {
            return ""; // compile time: no Installation to issue a token for
        }
        String token = scope.ports.createAccessToken();
        Object state = scope.binding.getVariables().get("state");
        if (state instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).put("accessToken", token);
        }
        return token;
    }

    @SmartAppApi
    public void revokeAccessToken() {
        if (scope.snapshot != null) {
            scope.ports.revokeAccessToken();
        }
    }

    @SmartAppApi
    public TimeZone getTimeZone() {
        String tz = scope.snapshot == null || scope.snapshot.location() == null ? null
                : scope.snapshot.location().timeZone();
        return tz == null ? TimeZone.getTimeZone("UTC") : TimeZone.getTimeZone(tz);
    }

    /** Classic {@code timeToday("07:30")} or {@code timeToday(isoString, tz)}: that time of today. */
    @SmartAppApi
    public Date timeToday(String time, TimeZone tz) {
        return ClassicTime.timeToday(time, tz == null ? getTimeZone() : tz);
    }

    @SmartAppApi
    public Date timeToday(String time) {
        return timeToday(time, null);
    }

    /** Classic {@code toDateTime("2015-01-09T15:50:32.000-0600")}. */
    @SmartAppApi
    public Date toDateTime(String iso) {
        return ClassicTime.toDateTime(iso);
    }

    @SmartAppApi
    public boolean timeOfDayIsBetween(Date start, Date stop, Date value, TimeZone tz) {
        return ClassicTime.timeOfDayIsBetween(start, stop, value, tz == null ? getTimeZone() : tz);
    }

    // ---- intents: recorded, carried out (or not) by the host ----------------------------------

    /**
     * Answers the subscription made (its first device, event name and handler), or null when
     * nothing was subscribed: apps keep it or test it ({@code if (subscribe(...))}).
     */
    @SmartAppApi
    public hearth.engine.dsl.SubscriptionView subscribe(Object devices, String event, Object handler) {
        if (handler == null) {
            noHandler("subscribe");
            return null;
        }
        String name = handlerName(handler);
        scope.intents.add(new AppIntent.Subscribe(deviceIds(devices), event, name));
        DeviceView first = devices instanceof DeviceView d ? d
                : devices instanceof Collection<?> c && !c.isEmpty() && c.iterator().next() instanceof DeviceView d ? d
                : null;
        return new hearth.engine.dsl.SubscriptionView(first, first == null ? null : first.getId(), event, name);
    }

    @SmartAppApi
    public hearth.engine.dsl.SubscriptionView subscribe(Object devices, Object handler) {
        return subscribe(devices, null, handler);
    }

    /** {@code subscribe(app, appTouch)} with no such method: nothing to run, so nothing subscribed. */
    private void noHandler(String what) {
        if (scope.binding.getVariables().get("log") instanceof hearth.engine.dsl.AppLog log) {
            log.warn(what + "(...) without a handler method: ignored");
        }
    }

    @SmartAppApi
    public hearth.engine.dsl.SubscriptionView subscribe(Object devices, String event, Object handler,
                                                        Map<String, Object> options) {
        return subscribe(devices, event, handler);
    }

    @SmartAppApi
    public void unsubscribe() {
        scope.intents.add(new AppIntent.UnsubscribeAll());
    }

    @SmartAppApi
    public void unsubscribe(Object devices) {
        scope.intents.add(new AppIntent.UnsubscribeAll());
    }

    @SmartAppApi
    public void runIn(Number seconds, Object handler) {
        runIn(seconds, handler, Map.of());
    }

    @SmartAppApi
    public void runIn(Number seconds, Object handler, Map<String, Object> options) {
        boolean overwrite = !Boolean.FALSE.equals(options.get("overwrite"));
        scope.intents.add(new AppIntent.RunIn(seconds.longValue(), handlerName(handler), overwrite));
    }

    /**
     * Classic {@code runOnce(dateTime, handler[, [overwrite: false]])}: once at that time, a {@code Date}
     * or an ISO string; asked of the host as a {@code runIn} of the seconds until then (a past time: now).
     */
    @SmartAppApi
    public void runOnce(Object when, Object handler, Map<String, Object> options) {
        Date at = when instanceof Date d ? d : ClassicTime.toDateTime(String.valueOf(when));
        runIn(Math.max(0, (at.getTime() - now() + 999) / 1000), handler, options == null ? Map.of() : options);
    }

    @SmartAppApi
    public void runOnce(Object when, Object handler) {
        runOnce(when, handler, Map.of());
    }

    @SmartAppApi
    public void schedule(Object when, Object handler) {
        String w = when instanceof Date d ? d.toInstant().toString() : String.valueOf(when);
        scope.intents.add(new AppIntent.Schedule(w, handlerName(handler)));
    }

    @SmartAppApi
    public void schedule(Object when, Object handler, Map<String, Object> options) {
        schedule(when, handler);
    }

    // Classic runEvery*: the classic platform picked a random offset within the period; Hearth starts
    // each period at its beginning, which every app copes with.
    @SmartAppApi
    public void runEvery1Minute(Object handler) {
        schedule("0 */1 * * * ?", handler);
    }

    @SmartAppApi
    public void runEvery1Minute(Object handler, Map<String, Object> options) {
        schedule("0 */1 * * * ?", handler);
    }

    @SmartAppApi
    public void runEvery5Minutes(Object handler) {
        schedule("0 */5 * * * ?", handler);
    }

    @SmartAppApi
    public void runEvery5Minutes(Object handler, Map<String, Object> options) {
        schedule("0 */5 * * * ?", handler);
    }

    @SmartAppApi
    public void runEvery10Minutes(Object handler) {
        schedule("0 */10 * * * ?", handler);
    }

    @SmartAppApi
    public void runEvery10Minutes(Object handler, Map<String, Object> options) {
        schedule("0 */10 * * * ?", handler);
    }

    @SmartAppApi
    public void runEvery15Minutes(Object handler) {
        schedule("0 */15 * * * ?", handler);
    }

    @SmartAppApi
    public void runEvery15Minutes(Object handler, Map<String, Object> options) {
        schedule("0 */15 * * * ?", handler);
    }

    @SmartAppApi
    public void runEvery30Minutes(Object handler) {
        schedule("0 */30 * * * ?", handler);
    }

    @SmartAppApi
    public void runEvery30Minutes(Object handler, Map<String, Object> options) {
        schedule("0 */30 * * * ?", handler);
    }

    @SmartAppApi
    public void runEvery1Hour(Object handler) {
        schedule("0 0 */1 * * ?", handler);
    }

    @SmartAppApi
    public void runEvery1Hour(Object handler, Map<String, Object> options) {
        schedule("0 0 */1 * * ?", handler);
    }

    @SmartAppApi
    public void runEvery3Hours(Object handler) {
        schedule("0 0 */3 * * ?", handler);
    }

    @SmartAppApi
    public void runEvery3Hours(Object handler, Map<String, Object> options) {
        schedule("0 0 */3 * * ?", handler);
    }

    @SmartAppApi
    public void unschedule() {
        scope.intents.add(new AppIntent.Unschedule(null));
    }

    @SmartAppApi
    public void unschedule(Object handler) {
        scope.intents.add(new AppIntent.Unschedule(handlerName(handler)));
    }

    @SmartAppApi
    public void sendPush(String message) {
        scope.intents.add(new AppIntent.Notify("push", null, message));
    }

    @SmartAppApi
    public void sendPushMessage(String message) {
        sendPush(message);
    }

    @SmartAppApi
    public void sendNotificationEvent(String message) {
        scope.intents.add(new AppIntent.Notify("event", null, message));
    }

    @SmartAppApi
    public void sendNotification(String message, Map<String, Object> options) {
        scope.intents.add(new AppIntent.Notify("notification", null, message));
    }

    @SmartAppApi
    public void sendSms(String phone, String message) {
        scope.intents.add(new AppIntent.Notify("sms", phone, message));
    }

    /**
     * Classic {@code sendLocationEvent([name: ..., value: ..., data: ..., descriptionText: ...])}: asked of
     * the host as an event of the Location; {@code isStateChange}, {@code displayed} and the like are
     * the classic event log's and are not kept. A map without a name is refused, as classic did.
     */
    @SmartAppApi
    public void sendLocationEvent(Map<String, Object> event) {
        Object name = event == null ? null : event.get("name");
        if (name == null || String.valueOf(name).isBlank()) {
            throw new IllegalArgumentException("sendLocationEvent needs a name: sendLocationEvent(name: \"...\", value: ...)");
        }
        Object value = event.get("value");
        Object data = event.get("data");
        Object text = event.get("descriptionText");
        scope.intents.add(new AppIntent.LocationEvent(String.valueOf(name), value == null ? null : String.valueOf(value),
                data == null ? null : data instanceof CharSequence cs ? cs.toString() : hearth.engine.dsl.Json.write(data),
                text == null ? null : String.valueOf(text)));
    }

    /** Classic LAN commands go through a hub; Hearth has none, so the command is dropped, with a warning. */
    @SmartAppApi
    public void sendHubCommand(Object action) {
        if (scope.binding.getVariables().get("log") instanceof hearth.engine.dsl.AppLog log) {
            log.warn("sendHubCommand: Hearth has no hub to send " + action + " through; dropped");
        }
    }

    /**
     * {@code setLocationMode("Away")}: as {@code location.setMode}, it holds for the rest of the call
     * and a mode the Location lacks is refused; the host carries the change out.
     */
    @SmartAppApi
    public void setLocationMode(String mode) {
        if (scope.binding.getVariables().get("location") instanceof hearth.engine.dsl.LocationView location) {
            location.setMode(mode);
        } else {
            scope.intents.add(new AppIntent.SetLocationMode(mode));
        }
    }

    /** Classic {@code getTemperatureScale()} ("F" or "C"), the Location's. */
    @SmartAppApi
    public String getTemperatureScale() {
        return scope.snapshot == null || scope.snapshot.location() == null ? null
                : scope.snapshot.location().temperatureScale();
    }

    /**
     * Classic {@code pause(ms)}: waits, but never past the call's time limit (the wait ends
     * early and the call times out).
     */
    @SmartAppApi
    public void pause(Number millis) throws InterruptedException {
        long ms = Math.max(0, Math.min(millis.longValue(), 10_000));
        Thread.sleep(ms);
    }

    // ---- outbound HTTP (hearth.engine.http: the policy, the pinned client, the classic shapes) ----

    @SmartAppApi
    public Object httpGet(Object spec, Closure<?> closure) throws IOException {
        return respond(outbound().request("GET", spec, false), closure);
    }

    @SmartAppApi
    public Object httpGet(Object spec) throws IOException {
        return outbound().request("GET", spec, false);
    }

    @SmartAppApi
    public Object httpPost(Object spec, Closure<?> closure) throws IOException {
        return respond(outbound().request("POST", spec, false), closure);
    }

    @SmartAppApi
    public Object httpPost(Object spec) throws IOException {
        return outbound().request("POST", spec, false);
    }

    /** Classic {@code httpPost(uri, body) { resp -> }}. */
    @SmartAppApi
    public Object httpPost(Object uri, Object body, Closure<?> closure) throws IOException {
        return httpPost(uriAndBody(uri, body), closure);
    }

    @SmartAppApi
    public Object httpPostJson(Object spec, Closure<?> closure) throws IOException {
        return respond(outbound().request("POST", spec, true), closure);
    }

    @SmartAppApi
    public Object httpPostJson(Object spec) throws IOException {
        return outbound().request("POST", spec, true);
    }

    @SmartAppApi
    public Object httpPostJson(Object uri, Object body, Closure<?> closure) throws IOException {
        return httpPostJson(uriAndBody(uri, body), closure);
    }

    @SmartAppApi
    public Object httpPut(Object spec, Closure<?> closure) throws IOException {
        return respond(outbound().request("PUT", spec, false), closure);
    }

    @SmartAppApi
    public Object httpPut(Object spec) throws IOException {
        return outbound().request("PUT", spec, false);
    }

    @SmartAppApi
    public Object httpPut(Object uri, Object body, Closure<?> closure) throws IOException {
        return httpPut(uriAndBody(uri, body), closure);
    }

    @SmartAppApi
    public Object httpPutJson(Object spec, Closure<?> closure) throws IOException {
        return respond(outbound().request("PUT", spec, true), closure);
    }

    @SmartAppApi
    public Object httpPutJson(Object spec) throws IOException {
        return outbound().request("PUT", spec, true);
    }

    @SmartAppApi
    public Object httpPutJson(Object uri, Object body, Closure<?> closure) throws IOException {
        return httpPutJson(uriAndBody(uri, body), closure);
    }

    @SmartAppApi
    public Object httpDelete(Object spec, Closure<?> closure) throws IOException {
        return respond(outbound().request("DELETE", spec, false), closure);
    }

    @SmartAppApi
    public Object httpDelete(Object spec) throws IOException {
        return outbound().request("DELETE", spec, false);
    }

    @SmartAppApi
    public Object httpHead(Object spec, Closure<?> closure) throws IOException {
        return respond(outbound().request("HEAD", spec, false), closure);
    }

    @SmartAppApi
    public Object httpHead(Object spec) throws IOException {
        return outbound().request("HEAD", spec, false);
    }

    /** Classic {@code include 'asynchttp_v1'}: the only library there is. */
    @SmartAppApi
    public void include(String library) {
        if (!"asynchttp_v1".equals(library)) {
            throw new IllegalArgumentException("include '" + library + "': the only library is 'asynchttp_v1'");
        }
    }

    @SmartAppApi
    public AsyncHttp getAsynchttp_v1() {
        return new AsyncHttp(this::sendAsync);
    }

    @SmartAppApi
    public void asynchttpGet(String callback, Map<String, Object> params) throws Exception {
        sendAsync("GET", callback, params, null);
    }

    @SmartAppApi
    public void asynchttpGet(String callback, Map<String, Object> params, Object data) throws Exception {
        sendAsync("GET", callback, params, data);
    }

    @SmartAppApi
    public void asynchttpPost(String callback, Map<String, Object> params) throws Exception {
        sendAsync("POST", callback, params, null);
    }

    @SmartAppApi
    public void asynchttpPost(String callback, Map<String, Object> params, Object data) throws Exception {
        sendAsync("POST", callback, params, data);
    }

    @SmartAppApi
    public void asynchttpPut(String callback, Map<String, Object> params) throws Exception {
        sendAsync("PUT", callback, params, null);
    }

    @SmartAppApi
    public void asynchttpPut(String callback, Map<String, Object> params, Object data) throws Exception {
        sendAsync("PUT", callback, params, data);
    }

    @SmartAppApi
    public void asynchttpDelete(String callback, Map<String, Object> params) throws Exception {
        sendAsync("DELETE", callback, params, null);
    }

    @SmartAppApi
    public void asynchttpDelete(String callback, Map<String, Object> params, Object data) throws Exception {
        sendAsync("DELETE", callback, params, data);
    }

    @SmartAppApi
    public void asynchttpHead(String callback, Map<String, Object> params) throws Exception {
        sendAsync("HEAD", callback, params, null);
    }

    @SmartAppApi
    public void asynchttpHead(String callback, Map<String, Object> params, Object data) throws Exception {
        sendAsync("HEAD", callback, params, data);
    }

    @SmartAppApi
    public void asynchttpPatch(String callback, Map<String, Object> params) throws Exception {
        sendAsync("PATCH", callback, params, null);
    }

    @SmartAppApi
    public void asynchttpPatch(String callback, Map<String, Object> params, Object data) throws Exception {
        sendAsync("PATCH", callback, params, data);
    }

    /**
     * Sends now and calls the app's {@code callback(response, data)} (or {@code callback(response)})
     * before returning. Failures reach the callback as {@code response.hasError()}, as classic.
     */
    private void sendAsync(String method, String callback, Object params, Object data) {
        // a null callback (Initial State's asynchttp_v1.post(null, ...)) sends and forgets
        int arity = callback == null ? -1 : appMethodArity(callback);
        if (callback != null && arity < 0) {
            throw new IllegalArgumentException("the asynchttp callback '" + callback
                    + "' is not a method of this app");
        }
        AsyncResponseView response = outbound().forCallback(method, params);
        if (callback == null) {
            return;
        }
        Object[] args = arity == 0 ? new Object[0] : arity == 1 ? new Object[] {response} : new Object[] {response, data};
        invokeMethod(callback, args);
    }

    /**
     * Groovy's {@code respondsTo("name")} asked of the app (apps test whether an optional handler
     * exists before calling it): true when the app declares such a method. True or false rather
     * than Groovy's list of meta methods, which apps only ever test.
     */
    @SmartAppApi
    public boolean respondsTo(String name) {
        for (java.lang.reflect.Method m : getClass().getDeclaredMethods()) {
            if (m.getName().equals(name) && !m.isSynthetic()) {
                return true;
            }
        }
        return false;
    }

    /** Parameter count of a method the app itself declares by that name, or -1. */
    private int appMethodArity(String name) {
        int best = -1;
        for (java.lang.reflect.Method m : getClass().getDeclaredMethods()) {
            if (m.getName().equals(name) && !m.isSynthetic() && !java.lang.reflect.Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() <= 2) {
                best = Math.max(best, m.getParameterCount());
            }
        }
        return best;
    }

    private OutboundCall outbound() {
        if (scope.outbound == null) {
            throw new OutboundRequestRefusedException("outbound HTTP is not available while the app is registered;"
                    + " make requests in handlers");
        }
        return scope.outbound;
    }

    /** Runs the app's closure with the response (or without it, for {@code { -> }}). */
    private static Object respond(HttpResponseView response, Closure<?> closure) {
        if (closure == null) {
            return response;
        }
        return closure.getMaximumNumberOfParameters() == 0 ? closure.call() : closure.call(response);
    }

    private static Map<String, Object> uriAndBody(Object uri, Object body) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("uri", uri);
        spec.put("body", body);
        return spec;
    }

    // ---- names ------------------------------------------------------------------------------

    /**
     * A name the app reads but never defines (no input, no variable, no property) is null, with
     * a warning in the app's log, as classic apps in production relied on: IFTTT's DELETE handler
     * logs {@code ${data}}, Cortana's {@code installed()} subscribes with an undefined
     * {@code appTouch}, JSON Complete API tests an undefined {@code result}. Only reading the
     * script's own names; properties of other objects still fail as Groovy's do.
     */
    @Override
    public Object getProperty(String property) {
        try {
            return super.getProperty(property);
        } catch (groovy.lang.MissingPropertyException e) {
            if (scope == null || scope.phase != CallScope.Phase.CALL || e.getType() != getClass()
                    || !property.equals(e.getProperty())) {
                throw e;
            }
            if (scope.binding.getVariables().get("log") instanceof hearth.engine.dsl.AppLog log) {
                log.warn("'" + property + "' is not defined in this app; it reads as null");
            }
            return null;
        }
    }

    // ---- Script's own escape hatches, closed -------------------------------------------------

    @Override
    public Object evaluate(String expression) {
        throw new SecurityException("evaluate() is not available to SmartApps");
    }

    @Override
    public Object evaluate(File file) {
        throw new SecurityException("evaluate() is not available to SmartApps");
    }

    @Override
    public void run(File file, String[] arguments) {
        throw new SecurityException("run(File) is not available to SmartApps");
    }

    /** Standard output belongs to the server; println goes to the app's debug log. */
    @SmartAppApi
    @Override
    public void println(Object value) {
        Object log = scope.binding.getVariables().get("log");
        if (log instanceof hearth.engine.dsl.AppLog l) {
            l.debug(value);
        }
    }

    @SmartAppApi
    @Override
    public void println() {
    }

    @SmartAppApi
    @Override
    public void print(Object value) {
        println(value);
    }

    @SmartAppApi
    @Override
    public void printf(String format, Object value) {
    }

    @SmartAppApi
    @Override
    public void printf(String format, Object[] values) {
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static List<String> deviceIds(Object devices) {
        List<String> ids = new ArrayList<>();
        if (devices instanceof DeviceView d) {
            ids.add(d.getId());
        } else if (devices instanceof Collection<?> c) {
            for (Object o : c) {
                if (o instanceof DeviceView d) {
                    ids.add(d.getId());
                }
            }
        }
        return ids;
    }

    private static String handlerName(Object handler) {
        if (handler instanceof Closure<?> c) {
            return c.getClass().getSimpleName();
        }
        return String.valueOf(handler);
    }
}
