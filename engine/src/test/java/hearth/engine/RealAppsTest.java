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
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs real classic SmartApps, unchanged, from a folder outside the repository (their code is not
 * ours to commit): {@code mvn test -Dhearth.realApps=/tmp/realapps} or {@code HEARTH_REAL_APPS};
 * {@code engine/real-apps DIR} fills the folder with the sources the specs pin by commit. Skipped
 * when neither is set.
 *
 * <p>Each app has a spec in {@code src/test/resources/realapps/*.spec} (format in its README): its
 * source, the devices a user would choose, and the calls its real client makes with what the classic
 * platform answered (status and parts of the body). For each app: compile (registration),
 * {@code installed()}, the spec's calls in order, every mapping of the source no spec call reaches
 * (path parameters filled with the chosen devices, PUT/POST with a body of the fields classic
 * clients send), {@code updated()}, one event for every subscription held, then the uncovered
 * DELETE mappings. A call marked {@code ~} is an answer classic gave that Hearth does not yet: it is
 * reported as a difference, and fails the test once it answers as classic (so the mark is dropped).
 * The table goes to stdout and to target/real-apps.md.
 */
class RealAppsTest {
    private static final Pattern PATH = Pattern.compile(
            "path\\(\\s*[\"']([^\"']+)[\"']\\s*\\)\\s*\\{\\s*action\\s*:\\s*\\[(.*?)]", Pattern.DOTALL);
    private static final Pattern ACTION = Pattern.compile("(GET|PUT|POST|DELETE)\\s*:\\s*[\"'](\\w+)[\"']");
    private static final Pattern EXPECT = Pattern.compile("(!?)\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)");

    static Receiver receiver;
    static SmartAppEngine engine;
    static final Map<String, String> rows = new TreeMap<>();

    @BeforeAll
    static void start() throws IOException {
        if (folder() == null) {
            return;
        }
        receiver = new Receiver().answering(hit -> Receiver.Answer.json("{}"));
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
        StringBuilder table = new StringBuilder("| app | file | compiles | installed() / updated() | client calls as classic "
                + "| other mappings answered | subscriptions | what differs |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        rows.values().forEach(r -> table.append(r).append('\n'));
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/real-apps.md"), table);
    }

    static Path folder() {
        String dir = System.getProperty("hearth.realApps", System.getenv("HEARTH_REAL_APPS"));
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    static Path specs() {
        try {
            return Path.of(RealAppsTest.class.getResource("/realapps").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> realApps() throws IOException {
        Path dir = folder();
        assumeTrue(dir != null, "set -Dhearth.realApps=DIR (or HEARTH_REAL_APPS) to run real SmartApps");
        Map<String, Spec> specs = new TreeMap<>();
        try (Stream<Path> list = Files.list(specs())) {
            for (Path p : list.filter(p -> p.toString().endsWith(".spec")).toList()) {
                Spec s = Spec.read(p);
                specs.put(s.file, s);
            }
        }
        Set<String> files = new java.util.TreeSet<>(specs.keySet());
        try (Stream<Path> list = Files.list(dir)) {
            list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".groovy")).forEach(files::add);
        }
        String only = System.getProperty("hearth.realApps.only", "");
        return files.stream().filter(f -> only.isBlank() || Arrays.asList(only.split(",")).contains(f))
                .map(f -> DynamicTest.dynamicTest(f, () -> run(dir.resolve(f),
                        specs.getOrDefault(f, Spec.none(f)))));
    }

    private void run(Path file, Spec spec) throws IOException {
        assertThat(file).as("the folder lacks " + file.getFileName() + ": fill it with engine/real-apps "
                + file.getParent()).exists();
        String source = Files.readString(file);
        List<String> notes = new ArrayList<>();
        SmartApp app;
        try {
            app = engine.compile(source);
        } catch (SmartAppCompilationException e) {
            rows.put(spec.file, row(spec, "?", "no", "-", "-", "-", "-", e.getMessage().replace('\n', ' ')));
            throw new AssertionError(file + " did not compile: " + e.getMessage());
        }
        FakeContext ctx = new FakeContext("real-" + file.getFileName());
        spec.settings.forEach(ctx::setting);
        Map<String, List<FakeDevice>> devices = devicesFor(inputsOf(app, ctx), spec, ctx);
        HandlerOutcome installed = app.lifecycle(Lifecycle.INSTALLED, ctx);
        boolean installedOk = !(installed instanceof HandlerOutcome.Failure);
        if (!installedOk) {
            notes.add("installed(): " + describe(installed));
        }
        // a client holding the token the app made for itself sends it as ?access_token=
        String token = ownToken(ctx);
        if (token != null) {
            ctx.queryToken = token;
        }
        List<Route> routes = routes(source);
        Set<Route> covered = new LinkedHashSet<>();
        int asClassic = 0;
        int checks = 0;
        List<String> failures = new ArrayList<>();
        List<String> nowClassic = new ArrayList<>();
        for (Check check : spec.checks) {
            ApiRequest request = check.request(token, receiver);
            routes.stream().filter(r -> r.matches(request)).forEach(covered::add);
            // the host reports ?access_token= only; a client sending its token as a header has none
            String savedToken = ctx.queryToken;
            ctx.queryToken = check.token == null ? null : check.token.equals("$token") ? token : check.token;
            HandlerOutcome out = app.handle(request, ctx);
            ctx.queryToken = savedToken;
            String problem = check.problem(out);
            checks++;
            print(app, request, out);
            if (problem == null) {
                asClassic++;
                if (check.differs != null) {
                    nowClassic.add(check.line);
                }
            } else if (check.differs != null) {
                notes.add("`" + check.method + " " + check.path + "`: " + check.differs);
            } else {
                failures.add(check.line + ": " + problem);
                notes.add("`" + check.method + " " + check.path + "`: " + problem);
            }
        }
        List<Route> rest = new ArrayList<>(routes);
        rest.removeAll(covered);
        // DELETEs last, after the events: they undo what the other calls set up (IFTTT's subscriptions)
        List<Route> deletes = rest.stream().filter(r -> r.method.equals("DELETE")).toList();
        rest.removeAll(deletes);
        int answered = 0;
        int total = 0;
        for (Route route : rest) {
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
                    if (spec.eventsDiffer == null) {
                        notes.add("event -> " + s.handler() + ": " + describe(out));
                    }
                } else {
                    delivered++;
                }
            }
        }
        if (spec.eventsDiffer != null && delivered < subscriptions) {
            notes.add("events: " + spec.eventsDiffer);
        }
        int webhooks = receiver.hits.size() - hitsBefore;
        String subs = subscriptions == 0 ? "none" : delivered + "/" + subscriptions + " delivered"
                + (webhooks > 0 ? ", " + webhooks + " webhook POST(s) received" : "");
        for (Route route : deletes) {
            total++;
            answered += answers(app, ctx, route, devices, notes) ? 1 : 0;
        }
        rows.put(spec.file, row(spec, app.definition().name(), "yes",
                (installedOk ? "yes" : "no") + " / " + (updatedOk ? "yes" : "no"),
                checks == 0 ? "-" : asClassic + "/" + checks, total == 0 ? "-" : answered + "/" + total, subs,
                String.join("; ", notes)));
        assertThat(installedOk || spec.installedDiffers).as("installed() of " + file + ": " + notes).isTrue();
        assertThat(failures).as("calls of " + file + " that answer otherwise than classic").isEmpty();
        assertThat(nowClassic).as("calls of " + file + " marked ~ that now answer as classic: drop the ~").isEmpty();
        assertThat(answered).as("mappings answered by " + file + ": " + notes).isEqualTo(total);
        if (spec.eventsDiffer == null) {
            assertThat(delivered).as("subscriptions delivered by " + file + ": " + notes).isEqualTo(subscriptions);
        }
    }

    private static String ownToken(FakeContext ctx) {
        Matcher token = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(String.valueOf(ctx.state.json));
        return token.find() ? token.group(1) : null;
    }

    /** The static inputs and those of the dynamic pages, as the consent would show them. */
    private static List<PreferenceInput> inputsOf(SmartApp app, FakeContext ctx) {
        List<PreferenceInput> inputs = new ArrayList<>(app.inputs());
        for (String page : app.dynamicPages()) {
            try {
                inputs.addAll(app.pageInputs(page, ctx));
            } catch (IllegalStateException e) {
                // a page that needs what only a later page sets; its inputs stay unchosen
            }
        }
        return inputs;
    }

    private static void print(SmartApp app, ApiRequest request, HandlerOutcome out) {
        String shown = out instanceof HandlerOutcome.Response r ? r.status() + " " + r.body() : describe(out);
        System.out.println(app.definition().name() + ": " + request.method() + " " + request.path() + " -> "
                + (shown.length() > 300 ? shown.substring(0, 300) + "..." : shown));
    }

    /** Calls one mapping; a response or an error the app chose is an answer, a Failure is not. */
    private boolean answers(SmartApp app, FakeContext ctx, Route route, Map<String, List<FakeDevice>> devices,
                            List<String> notes) {
        ApiRequest request = request(route, devices);
        HandlerOutcome out = app.handle(request, ctx);
        print(app, request, out);
        if (!(out instanceof HandlerOutcome.Response) && !(out instanceof HandlerOutcome.HttpError)) {
            notes.add(route.method + " " + request.path() + " -> " + describe(out));
            return false;
        }
        return true;
    }

    private static String row(Spec spec, String name, String compiles, String installed, String checks,
                              String mappings, String subscriptions, String notes) {
        return ("| " + name + " | " + spec.source + " | " + compiles + " | " + installed + " | " + checks + " | "
                + mappings + " | " + subscriptions + " | " + (notes.isEmpty() ? "—" : notes) + " |").replace("\n", " ");
    }

    private static String describe(HandlerOutcome out) {
        if (out instanceof HandlerOutcome.Failure f) {
            String m = String.valueOf(f.message());
            return f.type() + ": " + (m.length() > 160 ? m.substring(0, 160) + "..." : m).replace('\n', ' ');
        }
        if (out instanceof HandlerOutcome.HttpError e) {
            return "httpError " + e.status() + " " + e.message();
        }
        return out.toString();
    }

    /** Two devices per device input (as the spec says or of the input's capability), every attribute set. */
    private static Map<String, List<FakeDevice>> devicesFor(List<PreferenceInput> inputs, Spec spec, FakeContext ctx) {
        Map<String, List<FakeDevice>> out = new LinkedHashMap<>();
        for (PreferenceInput input : inputs) {
            if (!input.isDevice() || out.containsKey(input.name())) {
                continue;
            }
            String cap = input.capability() == null ? "switch" : input.capability();
            List<String> caps = spec.devices.containsKey(input.name()) ? spec.devices.get(input.name()) : switch (cap) {
                case "actuator" -> List.of("actuator", "switch", "switchLevel");
                case "switchLevel" -> List.of("switchLevel", "switch");
                default -> List.of(cap);
            };
            if (caps.isEmpty()) {
                continue;
            }
            List<FakeDevice> made = new ArrayList<>();
            int count = input.multiple() ? 2 : 1;
            for (int i = 1; i <= count; i++) {
                Map<String, Object> attributes = new LinkedHashMap<>();
                for (String c : caps) {
                    Capabilities.find(c).ifPresent(capability -> {
                        for (Capability.Attribute a : capability.attributes()) {
                            attributes.put(a.name(), a.type() == Capability.Attribute.Type.NUMBER ? 50
                                    : a.values().isEmpty() ? "x" : a.values().get(0));
                        }
                    });
                }
                made.add(new FakeDevice(input.name() + "-" + i, caps.get(0) + " " + i, caps, attributes));
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

    record Route(String pattern, String method) {
        boolean matches(ApiRequest request) {
            if (!request.method().equals(method)) {
                return false;
            }
            String[] want = pattern.replaceAll("^/+|/+$", "").split("/");
            String[] got = request.path().replaceAll("^/+|/+$", "").split("/");
            if (want.length != got.length) {
                return false;
            }
            for (int i = 0; i < want.length; i++) {
                if (!want[i].startsWith(":") && !want[i].equals(got[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The mappings as written, once each (apps may declare a path in two branches of an if). */
    private static List<Route> routes(String source) {
        Set<Route> out = new LinkedHashSet<>();
        Matcher m = PATH.matcher(source);
        while (m.find()) {
            Matcher a = ACTION.matcher(m.group(2));
            while (a.find()) {
                out.add(new Route(m.group(1), a.group(1)));
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

    /**
     * One app's spec: {@code app FILE}, {@code source OWNER/REPO COMMIT PATH BLOB}, {@code client TEXT},
     * {@code device INPUT CAP,CAP...}, {@code setting NAME VALUE}, {@code events-differ WHY},
     * {@code installed-differs WHY}, and calls {@code [~]METHOD PATH[?QUERY] [BODY] -> STATUS EXPECT...
     * [# WHY]}.
     */
    static final class Spec {
        String file;
        String source = "—";
        final Map<String, List<String>> devices = new LinkedHashMap<>();
        final Map<String, Object> settings = new LinkedHashMap<>();
        final List<Check> checks = new ArrayList<>();
        String eventsDiffer;
        boolean installedDiffers;

        static Spec none(String file) {
            Spec s = new Spec();
            s.file = file;
            return s;
        }

        static Spec read(Path p) throws IOException {
            Spec s = new Spec();
            for (String raw : Files.readAllLines(p)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] w = line.split("\\s+", 3);
                switch (w[0]) {
                    case "app" -> s.file = w[1];
                    case "source" -> {
                        String[] f = line.split("\\s+");
                        s.source = f[1] + " `" + f[3] + "` @" + f[2].substring(0, 10);
                    }
                    case "client" -> {
                    }
                    case "device" -> s.devices.put(w[1], w.length < 3 || w[2].equals("none") ? List.of()
                            : List.of(w[2].split(",")));
                    case "setting" -> s.settings.put(w[1], w.length < 3 ? "" : value(w[2]));
                    case "events-differ" -> s.eventsDiffer = line.substring("events-differ".length()).strip();
                    case "installed-differs" -> s.installedDiffers = true;
                    default -> s.checks.add(Check.parse(line));
                }
            }
            if (s.file == null) {
                throw new IllegalStateException(p + " names no app");
            }
            return s;
        }

        private static Object value(String text) {
            if (text.equals("true") || text.equals("false")) {
                return Boolean.valueOf(text);
            }
            if (text.matches("-?\\d+")) {
                return Long.valueOf(text);
            }
            return text;
        }
    }

    /** One call a real client makes, and what the classic platform answered. */
    static final class Check {
        String line;
        String method;
        String path;
        String query = "";
        String body = "";
        String token;
        int status;
        final List<String> contains = new ArrayList<>();
        final List<String> absent = new ArrayList<>();
        String contentType;
        String differs;

        static Check parse(String line) {
            Check c = new Check();
            c.line = line;
            String text = line;
            if (text.startsWith("~")) {
                int hash = text.lastIndexOf(" # ");
                c.differs = hash < 0 ? "differs" : text.substring(hash + 3).strip();
                text = text.substring(1, hash < 0 ? text.length() : hash).strip();
            }
            int arrow = text.lastIndexOf(" -> ");
            if (arrow < 0) {
                throw new IllegalStateException("no ' -> ' in " + line);
            }
            String[] left = text.substring(0, arrow).strip().split("\\s+", 3);
            c.method = left[0];
            String target = left[1];
            int q = target.indexOf('?');
            c.path = q < 0 ? target : target.substring(0, q);
            c.query = q < 0 ? "" : target.substring(q + 1);
            c.body = left.length > 2 ? left[2] : "";
            Matcher m = EXPECT.matcher(text.substring(arrow + 4).strip());
            boolean first = true;
            while (m.find()) {
                if (first) {
                    c.status = Integer.parseInt(m.group(3));
                    first = false;
                } else if (m.group(3) != null && m.group(3).startsWith("type=")) {
                    c.contentType = m.group(3).substring(5);
                } else if (m.group(2) != null) {
                    String literal = m.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
                    (m.group(1).isEmpty() ? c.contains : c.absent).add(literal);
                }
            }
            return c;
        }

        ApiRequest request(String ownToken, Receiver receiver) {
            Map<String, String> params = new LinkedHashMap<>();
            token = null;
            for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (k.equals("access_token")) {
                    token = v;
                } else {
                    params.put(k, fill(v, ownToken, receiver));
                }
            }
            String filled = fill(body, ownToken, receiver);
            Map<String, String> headers = filled.isEmpty() ? Map.of() : Map.of("content-type",
                    filled.startsWith("{") || filled.startsWith("[") ? "application/json" : "application/x-www-form-urlencoded");
            return new ApiRequest(method, path, params, headers, filled);
        }

        private static String fill(String text, String ownToken, Receiver receiver) {
            return text.replace("$callback", receiver.url("/webhook")).replace("$token", String.valueOf(ownToken));
        }

        /** Null when the outcome is what classic answered, else what differs. */
        String problem(HandlerOutcome out) {
            int got;
            String text;
            String type = null;
            if (out instanceof HandlerOutcome.Response r) {
                got = r.status();
                text = r.body() == null ? "" : r.body();
                type = r.contentType();
            } else if (out instanceof HandlerOutcome.HttpError e) {
                got = e.status();
                text = String.valueOf(e.message());
            } else if (out instanceof HandlerOutcome.NotFound) {
                got = 404;
                text = "";
            } else if (out instanceof HandlerOutcome.MethodNotAllowed) {
                got = 405;
                text = "";
            } else {
                got = 500;
                text = describe(out);
            }
            List<String> wrong = new ArrayList<>();
            if (got != status) {
                wrong.add("status " + got + " (" + (text.length() > 120 ? text.substring(0, 120) + "..." : text) + ")");
            }
            contains.stream().filter(s -> !text.contains(s)).forEach(s -> wrong.add("lacks \"" + s + "\""));
            absent.stream().filter(text::contains).forEach(s -> wrong.add("has \"" + s + "\""));
            if (contentType != null && (type == null || !type.startsWith(contentType))) {
                wrong.add("type " + type);
            }
            return wrong.isEmpty() ? null : String.join(", ", wrong);
        }
    }
}
