import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hubs' speed against a running Hearth and the real broker (bench/hub/run starts both):
 * events per second from MQTT state messages to a SmartApp's handler, and the latency of a
 * command from the installation API call to its publish on the broker. Prints a Markdown table.
 *
 *   java -cp LIBS bench/hub/HubBench.java HEARTH_URL BROKER_PORT EVENTS COMMANDS
 */
public class HubBench {
    static final HttpClient HTTP = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    static String hearth;

    public static void main(String[] args) throws Exception {
        hearth = args[0];
        int brokerPort = Integer.parseInt(args[1]);
        int events = Integer.parseInt(args[2]);
        int commands = Integer.parseInt(args[3]);
        String user = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "bench password " + UUID.randomUUID();
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        check(json("POST", "/api/accounts", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null), 201);
        String location = field(check(json("POST", "/api/locations", "{\"name\":\"Bench\"}", basic), 201), "id");

        String base = "bench-" + UUID.randomUUID();
        Mqtt5BlockingClient bridge = MqttClient.builder().useMqttVersion5().identifier("bench-bridge-" + UUID.randomUUID())
                .serverHost("127.0.0.1").serverPort(brokerPort).buildBlocking();
        bridge.connect();
        Map<String, Long> seen = new ConcurrentHashMap<>();
        List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
        bridge.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> arrivals.add(System.nanoTime()));
        bridge.subscribeWith().topicFilter(base + "/+/set").qos(MqttQos.AT_LEAST_ONCE).send();
        String devices = "[" + device("0x00158d0000000001", "plug", "switch") + "," + device("0x00158d0000000002", "bulb", "light") + "]";
        bridge.publishWith().topic(base + "/bridge/devices").retain(true).qos(MqttQos.AT_LEAST_ONCE)
                .payload(devices.getBytes(StandardCharsets.UTF_8)).send();
        String hub = field(check(json("POST", "/api/locations/" + location + "/hubs", "{\"url\":\"tcp://127.0.0.1:" + brokerPort
                + "\",\"zigbee2mqttBaseTopic\":\"" + base + "\",\"tasmotaDiscovery\":false}", basic), 201), "id");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!get("/api/hubs/" + hub, basic).contains("\"deviceCount\":2")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the hub's devices did not appear");
            }
            Thread.sleep(100);
        }
        String list = get("/api/locations/" + location + "/devices", basic);
        String plug = idOf(list, "plug");
        String bulb = idOf(list, "bulb");

        String source = Files.readString(Path.of("bench/hub/hub-bench.groovy"));
        String app = check(json("POST", "/api/smartapps", "{\"source\":" + quote(source)
                + ",\"redirectUris\":[\"https://bench.example/cb\"],\"servers\":[\"*\"]}", basic), 201);
        String token = consent(user, password, field(app, "clientId"), field(app, "clientSecret"), plug, bulb);
        String uri = field(get("/api/smartapps/endpoints", "Bearer " + token), "uri");

        // Events in: alternating ON/OFF, each a real change, QoS 1, as fast as the broker takes them.
        long t0 = System.nanoTime();
        for (int i = 0; i < events; i++) {
            bridge.publishWith().topic(base + "/plug").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(("{\"state\":\"" + (i % 2 == 0 ? "ON" : "OFF") + "\"}").getBytes(StandardCharsets.UTF_8)).send();
        }
        long published = System.nanoTime();
        int counted = 0;
        deadline = System.nanoTime() + 300_000_000_000L;
        while (counted < events && System.nanoTime() < deadline) {
            counted = Integer.parseInt(field(get(uri + "/count", "Bearer " + token), "count"));
            if (counted < events) {
                Thread.sleep(50);
            }
        }
        long handled = System.nanoTime();

        // Commands out: installation API call to the publish on <base>/bulb/set, one at a time.
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < commands + 20; i++) {
            int before = arrivals.size();
            long start = System.nanoTime();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(uri + "/bulbs/" + (i % 2 == 0 ? "on" : "off")))
                    .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.noBody()).build());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("command answered " + r.statusCode() + ": " + r.body());
            }
            long wait = System.nanoTime() + 10_000_000_000L;
            while (arrivals.size() == before && System.nanoTime() < wait) {
                Thread.onSpinWait();
            }
            if (arrivals.size() > before && i >= 20) { // the first 20 warm up
                latencies.add((arrivals.get(before) - start) / 1e6);
            }
        }
        Collections.sort(latencies);
        bridge.publishWith().topic(base + "/bridge/devices").retain(true).qos(MqttQos.AT_LEAST_ONCE).payload(new byte[0]).send();
        bridge.disconnect();

        double seconds = (handled - t0) / 1e9;
        System.out.println("| what | result |");
        System.out.println("| --- | --- |");
        System.out.printf("| events: MQTT state message → SmartApp handler | %d of %d handled in %.2f s: **%.0f events/s** (published in %.2f s) |%n",
                counted, events, seconds, counted / seconds, (published - t0) / 1e9);
        System.out.printf("| command: installation API call → MQTT publish (%d calls, one at a time) | p50 **%.1f ms**, p90 %.1f ms, p99 **%.1f ms**, max %.1f ms |%n",
                latencies.size(), pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), latencies.get(latencies.size() - 1));
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    static String device(String ieee, String name, String kind) {
        return "{\"ieee_address\":\"" + ieee + "\",\"type\":\"Router\",\"friendly_name\":\"" + name + "\",\"definition\":{\"model\":\"bench\","
                + "\"vendor\":\"Hearth\",\"exposes\":[{\"type\":\"" + kind + "\",\"features\":[{\"type\":\"binary\",\"name\":\"state\","
                + "\"property\":\"state\",\"access\":7,\"value_on\":\"ON\",\"value_off\":\"OFF\"}]}]}}";
    }

    static String consent(String user, String password, String clientId, String secret, String plug, String bulb) throws Exception {
        String login = get("/login", null);
        send(form("/login", "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(find(login, "name=\"_csrf\" value=\"([^\"]+)\""))));
        String redirect = "https://bench.example/cb";
        String page = get("/oauth/authorize?response_type=code&client_id=" + enc(clientId) + "&scope=app&redirect_uri=" + enc(redirect) + "&state=s", null);
        StringBuilder body = new StringBuilder("request=" + enc(find(page, "name=\"request\" value=\"([^\"]+)\"")) + "&_csrf="
                + enc(find(page, "name=\"_csrf\" value=\"([^\"]+)\"")) + "&plugs=" + plug + "&bulbs=" + bulb + "&decision=allow");
        Matcher loc = Pattern.compile("name=\"location\" value=\"([^\"]+)\"").matcher(page);
        if (loc.find()) {
            body.append("&location=").append(enc(loc.group(1)));
        }
        HttpResponse<String> allowed = send(form("/oauth/authorize", body.toString()));
        String location = allowed.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException("consent: " + allowed.body()));
        String code = find(location, "[?&]code=([^&]+)");
        HttpResponse<String> token = send(form("/oauth/token", "grant_type=authorization_code&code=" + code + "&client_id=" + enc(clientId)
                + "&client_secret=" + enc(secret) + "&redirect_uri=" + enc(redirect)));
        return field(token.body(), "access_token");
    }

    static HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(hearth + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static HttpResponse<String> json(String method, String path, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(hearth + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return send(b.build());
    }

    static String get(String pathOrUrl, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : hearth + pathOrUrl));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return send(b.GET().build()).body();
    }

    static HttpResponse<String> send(HttpRequest r) throws Exception {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    static String check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        return find(json, "\"" + name + "\":\"?([^\",}]+)");
    }

    static String idOf(String list, String label) {
        return find(list, "\"id\":\"([^\"]+)\",\"locationId\":\"[^\"]+\",\"label\":\"" + label + "\"");
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in " + text.substring(0, Math.min(400, text.length())));
        }
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
