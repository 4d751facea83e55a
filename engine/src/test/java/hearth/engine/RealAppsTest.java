package hearth.engine;

import hearth.engine.api.ApiRequest;
import hearth.engine.api.AppEvent;
import hearth.engine.api.AppIntent;
import hearth.engine.api.DeviceHandle;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.PreferenceInput;
import hearth.engine.api.SmartApp;
import hearth.engine.api.SmartApp.Lifecycle;
import hearth.engine.api.SmartAppCompilationException;
import hearth.engine.capability.Capabilities;
import hearth.engine.capability.Capability;
import hearth.engine.support.FakeContext;
import hearth.engine.support.FakeDevice;
import hearth.engine.support.Receiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs real classic SmartApps, unchanged, from a folder outside the repository (their code is not
 * ours to commit): {@code mvn test -Dhearth.realApps=/tmp/realapps} or {@code HEARTH_REAL_APPS}.
 * Skipped when neither is set. For each {@code *.groovy}: compile, install with two plausible
 * devices per device input, call every mapping (path parameters filled with those devices, PUT and
 * POST with a body holding the fields classic clients send), then deliver one event for every
 * subscription the app made, with a loopback receiver allowed as the webhook target. A mapping
 * "answers" when the app produced a response or chose an HTTP error (404 for an unknown device is
 * an answer); a Failure (exception, sandbox refusal) is not. The table goes to stdout and to
 * target/real-apps.md.
 */
class RealAppsTest {
    private static final Pattern PATH = Pattern.compile(
            "path\\(\\s*[\"']([^\"']+)[\"']\\s*\\)\\s*\\{\\s*action\\s*:\\s*\\[(.*?)]", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("(GET|PUT|POST|DELETE)\\s*:\\s*[\"'](\\w+)[\"']");

    static Receiver receiver;
    static SmartAppEngine engine;
    static final List<String> rows = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        if (folder() == null) {
            return;
        }
        receiver = new Receiver();
        engine = new SmartAppEngine(new EngineSettings(Duration.ofSeconds(30), 4, 64)
                .withOutbound(OutboundSettings.defaults().withAllow(List.of("127.0.0.1:" + receiver.port()))));
    }

    @AfterAll
    static void report() throws IOException {
        if (engine == null) {
            return;
        }
        engine.close();
        receiver.close();
        StringBuilder table = new StringBuilder("| app | file | compiles | installed() / updated() | mappings answered | subscriptions | notes |\n"
                + "| --- | --- | --- | --- | --- | --- | --- |\n");
        rows.forEach(r -> table.append(r).append('\n'));
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/real-apps.md"), table);
    }

    static Path folder() {
        String dir = System.getProperty("hearth.realApps", System.getenv("HEARTH_REAL_APPS"));
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    @TestFactory
    Stream<DynamicTest> realApps() throws IOException {
        Path dir = folder();
        assumeTrue(dir != null, "set -Dhearth.realApps=DIR (or HEARTH_REAL_APPS) to run real SmartApps");
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".groovy")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private void run(Path file) throws IOException {
        String source = Files.readString(file);
        List<String> notes = new ArrayList<>();
        SmartApp app;
        try {
            app = engine.compile(source);
        } catch (SmartAppCompilationException e) {
            rows.add(row(file, "?", "no", "-", "-", "-", e.getMessage().replace('\n', ' ').replace("|", "\\|")));
            throw new AssertionError(file + " did not compile: " + e.getMessage());
        }
        FakeContext ctx = new FakeContext("real-" + file.getFileName());
        Map<String, List<FakeDevice>> devices = devicesFor(app.inputs(), ctx);
        HandlerOutcome installed = app.lifecycle(Lifecycle.INSTALLED, ctx);
        boolean installedOk = !(installed instanceof HandlerOutcome.Failure);
        if (!installedOk) {
            notes.add("installed(): " + describe(installed));
        }
        // a client holding the token the app made for itself sends it as ?access_token= (JSON Complete API
        // switches its mappings on params.access_token == state.accessToken)
        Matcher token = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(String.valueOf(ctx.state.json));
        if (token.find()) {
            ctx.queryToken = token.group(1);
        }
        int answered = 0;
        int total = 0;
        List<Route> routes = new ArrayList<>(routes(source));
        // DELETEs last, after the events: they undo what the other calls set up (IFTTT's subscriptions)
        List<Route> deletes = routes.stream().filter(r -> r.method.equals("DELETE")).toList();
        routes.removeAll(deletes);
        for (Route route : routes) {
            total++;
            answered += answers(app, ctx, route, devices, notes) ? 1 : 0;
        }
        HandlerOutcome updated = app.lifecycle(Lifecycle.UPDATED, ctx);
        boolean updatedOk = !(updated instanceof HandlerOutcome.Failure);
        if (!updatedOk) {
            notes.add("updated(): " + describe(updated));
        }
        int hitsBefore = receiver.hits.size();
        int delivered = 0;
        int subscriptions = 0;
        for (AppIntent.Subscribe s : ctx.subscriptions()) {
            if (!s.deviceIds().isEmpty()) {
                subscriptions++;
                String attribute = s.event() == null ? "switch" : s.event().split("\\.")[0];
                AppEvent event = new AppEvent(attribute, "on", null, s.deviceIds().get(0), "Device", Instant.now(), null);
                HandlerOutcome out = app.runHandler(s.handler(), event, ctx);
                if (out instanceof HandlerOutcome.Failure) {
                    notes.add("event -> " + s.handler() + ": " + describe(out));
                } else {
                    delivered++;
                }
            }
        }
        int webhooks = receiver.hits.size() - hitsBefore;
        for (Receiver.Hit hit : receiver.hits.subList(hitsBefore, receiver.hits.size())) {
            notes.add("webhook " + hit.method() + " " + hit.path() + " " + hit.header("Content-Type") + " " + hit.body());
        }
        String subs = subscriptions == 0 ? "none" : delivered + "/" + subscriptions + " delivered"
                + (webhooks > 0 ? ", " + webhooks + " webhook POST(s) received" : "");
        for (Route route : deletes) {
            total++;
            answered += answers(app, ctx, route, devices, notes) ? 1 : 0;
        }
        rows.add(row(file, app.definition().name(), "yes", (installedOk ? "yes" : "no") + " / " + (updatedOk ? "yes" : "no"),
                answered + "/" + total, subs,
                String.join("; ", notes).replace("|", "\\|")));
        assertThat(installedOk).as("installed() of " + file).isTrue();
        assertThat(answered).as("mappings answered by " + file + ": " + notes).isEqualTo(total);
        assertThat(delivered).as("subscriptions delivered by " + file).isEqualTo(subscriptions);
    }

    /** Calls one mapping; a response or an error the app chose is an answer, a Failure is not. */
    private boolean answers(SmartApp app, FakeContext ctx, Route route, Map<String, List<FakeDevice>> devices,
                            List<String> notes) {
        ApiRequest request = request(route, devices);
        HandlerOutcome out = app.handle(request, ctx);
        if (out instanceof HandlerOutcome.Response r) {
            String body = String.valueOf(r.body());
            System.out.println(app.definition().name() + ": " + route.method + " " + request.path() + " -> "
                    + r.status() + " " + (body.length() > 160 ? body.substring(0, 160) + "..." : body));
        }
        if (out instanceof HandlerOutcome.HttpError e) {
            notes.add(route.method + " " + request.path() + " -> httpError " + e.status());
        } else if (!(out instanceof HandlerOutcome.Response)) {
            notes.add(route.method + " " + request.path() + " -> " + describe(out));
            return false;
        }
        return true;
    }

    private static String row(Path file, String name, String compiles, String installed, String mappings,
                              String subscriptions, String notes) {
        return "| " + name + " | " + file.getFileName() + " | " + compiles + " | " + installed + " | " + mappings
                + " | " + subscriptions + " | " + (notes.isEmpty() ? "" : notes) + " |";
    }

    private static String describe(HandlerOutcome out) {
        if (out instanceof HandlerOutcome.Failure f) {
            String m = String.valueOf(f.message());
            return f.type() + ": " + (m.length() > 160 ? m.substring(0, 160) + "..." : m).replace('\n', ' ');
        }
        return out.toString();
    }

    /** Two devices per device input, with every attribute of their capabilities set. */
    private static Map<String, List<FakeDevice>> devicesFor(List<PreferenceInput> inputs, FakeContext ctx) {
        Map<String, List<FakeDevice>> out = new LinkedHashMap<>();
        for (PreferenceInput input : inputs) {
            if (!input.isDevice()) {
                continue;
            }
            String cap = input.capability();
            List<String> caps = switch (cap) {
                case "actuator" -> List.of("actuator", "switch", "switchLevel");
                case "switchLevel" -> List.of("switchLevel", "switch");
                default -> List.of(cap);
            };
            List<FakeDevice> made = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                Map<String, Object> attributes = new LinkedHashMap<>();
                for (String c : caps) {
                    Capabilities.find(c).ifPresent(capability -> {
                        for (Capability.Attribute a : capability.attributes()) {
                            attributes.put(a.name(), a.type() == Capability.Attribute.Type.NUMBER ? 50
                                    : a.values().isEmpty() ? "x" : a.values().get(0));
                        }
                    });
                }
                made.add(new FakeDevice(input.name() + "-" + i, cap + " " + i, caps, attributes));
            }
            out.put(input.name(), made);
            ctx.with(input.name(), made.toArray(new DeviceHandle[0]));
        }
        return out;
    }

    /** A command the devices really have: "on" for switches, "lock" for locks, ... */
    private static String commandFor(List<FakeDevice> devices) {
        if (devices == null || devices.isEmpty()) {
            return "on";
        }
        for (String c : devices.get(0).capabilities()) {
            var commands = Capabilities.find(c).map(Capability::commands).orElse(List.of());
            if (!commands.isEmpty()) {
                return commands.get(0).name();
            }
        }
        return "on";
    }

    record Route(String pattern, String method, String handler) {
    }

    /** The mappings as written, once each (apps may declare a path in two branches of an if). */
    private static List<Route> routes(String source) {
        java.util.Set<Route> out = new java.util.LinkedHashSet<>();
        Matcher m = PATH.matcher(source);
        while (m.find()) {
            Matcher a = ACTION.matcher(m.group(2));
            while (a.find()) {
                out.add(new Route(m.group(1), a.group(1), null));
            }
        }
        return new ArrayList<>(out);
    }

    /** The route's path with plausible values for its :params, and the body classic clients send. */
    private ApiRequest request(Route route, Map<String, List<FakeDevice>> devices) {
        String firstInput = devices.keySet().stream().findFirst().orElse("switches");
        String[] segments = route.pattern.split("/");
        String input = null;
        for (String s : segments) {
            if (devices.containsKey(s)) {
                input = s;
            }
        }
        StringBuilder path = new StringBuilder();
        for (String s : segments) {
            if (s.isEmpty()) {
                continue;
            }
            String value = s;
            if (s.equals(":deviceType")) {
                input = devices.containsKey("switches") ? "switches" : firstInput;
                value = input;
            } else if (s.equals(":id")) {
                List<FakeDevice> list = devices.getOrDefault(input == null ? firstInput : input,
                        devices.values().stream().findFirst().orElse(List.of()));
                value = list.isEmpty() ? "none" : list.get(0).id();
            } else if (s.equals(":command")) {
                value = commandFor(devices.get(input == null ? firstInput : input));
            } else if (s.equals(":name")) {
                value = route.pattern.contains("attribute") ? "switch" : "on";
            } else if (s.equals(":attribute")) {
                value = "switch";
            } else if (s.startsWith(":")) {
                value = "x";
            }
            path.append('/').append(value);
        }
        List<FakeDevice> chosen = devices.getOrDefault(input == null ? firstInput : input, List.of());
        String deviceId = chosen.isEmpty() ? "none" : chosen.get(0).id();
        String body = route.method.equals("GET") || route.method.equals("DELETE") ? ""
                : "{\"command\":\"" + commandFor(chosen) + "\",\"value\":50,\"deviceId\":\"" + deviceId + "\",\"callbackUrl\":\""
                + receiver.url("/webhook") + "\",\"accessKey\":\"test-access-key\",\"bucketKey\":\"bucket\","
                + "\"bucketName\":\"Bucket\"}";
        Map<String, String> headers = body.isEmpty() ? Map.of() : Map.of("content-type", "application/json");
        // Alfred's client names the device type as ?param1=; other apps ignore it
        Map<String, String> query = Map.of("param1", input == null ? firstInput : input);
        return new ApiRequest(route.method, path.length() == 0 ? "/" : path.toString(), query, headers, body);
    }
}
