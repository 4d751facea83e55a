package hearth.support;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledged writes of every kind, from several client threads, as a user's apps make them:
 * Installation state, device commands (and their events), tokens issued, rotated and revoked,
 * consents (Installations), SmartApp changes, and a signed-in web session. Each thread records
 * only what an answer confirmed; {@link #verify} then finds every one of them (after a
 * {@code kill -9} and a restart, or on the other node).
 */
public final class DurabilityLoad {
    private static final Pattern LOCATION = Pattern.compile("name=\"location\" value=\"([^\"]+)\"");
    private static final int MAX_COMMANDS = 180;   // the events API shows the last 200
    // Each Installation's calls stay under the classic limit of 250 a minute (TwoNodesIT keeps it), so
    // that the reads verify makes are answered: a fast machine writes far more than 250 in the 10 s.
    private static final int MAX_STATE_WRITES = 200;

    private volatile Supplier<Http> clients;
    private final String username;
    private final String password;
    private final String basic;
    private final List<String> dimmers = new ArrayList<>();
    private final String appId;
    private final String clientId;
    private final String clientSecret;
    private final String changedAppId;
    private final String redirectUri = "https://client.example.com/callback";

    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    // What answers confirmed.
    private final Map<String, AtomicInteger> stateAcked = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> commandsAcked = new ConcurrentHashMap<>();
    private final List<String> keptTokens = new CopyOnWriteArrayList<>();
    private final List<String> revokedTokens = new CopyOnWriteArrayList<>();
    private final AtomicLong ttlAcked = new AtomicLong();
    private volatile String rotatedAccess;
    private volatile String rotatedRefresh;
    private final AtomicBoolean refreshInFlight = new AtomicBoolean();
    private final Map<String, String[]> stateWhere = new ConcurrentHashMap<>();
    private Http browser;
    private final String location;

    /** Seeds an account, a Location with dimmers and two SmartApps through the management API. */
    public DurabilityLoad(Supplier<Http> clients, int dimmerCount) {
        this.clients = clients;
        Http api = clients.get();
        username = "durable-" + UUID.randomUUID().toString().substring(0, 8);
        password = "a long password " + UUID.randomUUID();
        basic = Http.basic(username, password);
        assertThat(api.postJson("/api/accounts", Map.of("username", username, "password", password)).statusCode())
                .isEqualTo(201);
        location = created(api.postJson("/api/locations", Map.of("name", "Home"), "Authorization", basic));
        for (int i = 0; i < dimmerCount; i++) {
            dimmers.add(created(api.postJson("/api/locations/" + location + "/devices", Map.of("label",
                    "Dimmer " + i, "capabilities", List.of("switch", "switchLevel")), "Authorization", basic)));
        }
        String source = TestResources.read("apps/durability-test.groovy");
        JsonNode app = json(api.postJson("/api/smartapps", Map.of("source", source, "redirectUris",
                List.of(redirectUri), "servers", List.of("*")), "Authorization", basic));
        appId = app.get("id").asText();
        clientId = app.get("clientId").asText();
        clientSecret = app.get("clientSecret").asText();
        // A second app of the same account: a name of its own (a developer registers a name once).
        String second = source.replace("name: \"Durability Test\"", "name: \"Durability Test (changed)\"");
        changedAppId = json(api.postJson("/api/smartapps", Map.of("source", second, "redirectUris",
                List.of(redirectUri), "servers", List.of("*")), "Authorization", basic)).get("id").asText();
    }

    /** The seeded account's Location. */
    public String locationId() {
        return location;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String basic() {
        return basic;
    }

    public String appId() {
        return appId;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String redirectUri() {
        return redirectUri;
    }

    public List<String> dimmers() {
        return dimmers;
    }

    /** Signs in (a browser with its own session) and opens the consent: the page with the devices. */
    public HttpResponse<String> openConsent(Http browser, String state) {
        String url = "/oauth/authorize?response_type=code&scope=app&client_id=" + clientId + "&redirect_uri="
                + Http.encode(redirectUri) + "&state=" + state;
        HttpResponse<String> first = browser.get(url);
        if (first.statusCode() == 200) {
            return first;   // already signed in
        }
        HttpResponse<String> login = browser.get("/login");
        HttpResponse<String> signedIn = browser.postForm("/login", Map.of("username", username, "password",
                password, "_csrf", Http.csrf(login.body())));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        return browser.get(signedIn.headers().firstValue("Location").orElseThrow());
    }

    /** Allows the consent page for the dimmers: answers the code. */
    public String allow(Http browser, HttpResponse<String> page, List<String> chosen) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("request", Http.requestId(page.body()));
        form.put("_csrf", Http.csrf(page.body()));
        Matcher location = LOCATION.matcher(page.body());
        if (location.find()) {
            form.put("location", location.group(1));
        }
        form.put("dimmers", chosen);
        form.put("installation", "new");   // each connection its own Installation (allowing again would update one)
        form.put("decision", "allow");
        HttpResponse<String> redirect = browser.postForm("/oauth/authorize", form);
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        return Http.query(redirect.headers().firstValue("Location").orElseThrow()).get("code");
    }

    public HttpResponse<String> exchange(Http client, String code) {
        return client.postForm("/oauth/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri), "Authorization", Http.basic(clientId, clientSecret));
    }

    public HttpResponse<String> refresh(Http client, String refreshToken) {
        return client.postForm("/oauth/token", Map.of("grant_type", "refresh_token", "refresh_token",
                refreshToken), "Authorization", Http.basic(clientId, clientSecret));
    }

    /** The whole connection, as one user's browser and the app's backend: answers the token response. */
    public JsonNode connect(List<String> chosen) {
        Http browser = clients.get();
        String code = allow(browser, openConsent(browser, "s"), chosen);
        HttpResponse<String> token = exchange(clients.get(), code);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return json(token);
    }

    /** The Installation's API base (the endpoints' uri). */
    public String uri(Http client, String accessToken) {
        HttpResponse<String> endpoints = client.get("/api/smartapps/endpoints", "Authorization", "Bearer "
                + accessToken);
        assertThat(endpoints.statusCode()).as(endpoints.body()).isEqualTo(200);
        return json(endpoints).get(0).get("uri").asText();
    }

    /** Connects the Installations the writers use, and starts them all; they run until {@link #stop()}. */
    public DurabilityLoad start() {
        browser = clients.get();
        assertThat(openConsent(browser, "session").statusCode()).isEqualTo(200);
        for (int t = 0; t < 2; t++) {
            String key = "k" + t;
            String token = connect(dimmers).get("access_token").asText();
            String uri = uri(clients.get(), token);
            stateAcked.put(key, new AtomicInteger());
            stateWhere.put(key, new String[]{uri, token});
            writer("state-" + t, () -> {
                Http http = clients.get();
                int next = stateAcked.get(key).get() + 1;
                if (next > MAX_STATE_WRITES) {
                    pause(50);
                    return;
                }
                if (ok(http.send("PUT", uri + "/state/" + key + "/" + next, null, "Authorization", "Bearer " + token),
                        204)) {
                    stateAcked.get(key).set(next);
                }
            });
        }
        for (int t = 0; t < 2; t++) {
            String dimmer = dimmers.get(t);
            String token = connect(List.of(dimmer)).get("access_token").asText();
            String uri = uri(clients.get(), token);
            commandsAcked.put(dimmer, new AtomicInteger());
            writer("commands-" + t, () -> {
                AtomicInteger acked = commandsAcked.get(dimmer);
                if (acked.get() >= MAX_COMMANDS) {
                    pause(50);
                    return;
                }
                int level = acked.get() % 100 + 1;
                if (ok(clients.get().send("PUT", uri + "/level/" + level, null, "Authorization", "Bearer " + token),
                        204)) {
                    acked.incrementAndGet();
                }
            });
        }
        JsonNode rotating = connect(dimmers);
        rotatedAccess = rotating.get("access_token").asText();
        rotatedRefresh = rotating.get("refresh_token").asText();
        writer("refresh", () -> {
            refreshInFlight.set(true);
            HttpResponse<String> refreshed = refresh(clients.get(), rotatedRefresh);
            if (ok(refreshed, 200)) {
                JsonNode body = json(refreshed);
                rotatedAccess = body.get("access_token").asText();
                rotatedRefresh = body.get("refresh_token").asText();
            }
            refreshInFlight.set(false);
        });
        writer("consents", () -> {
            Http browser = clients.get();
            String code = allow(browser, openConsent(browser, "c"), List.of(dimmers.get(0)));
            HttpResponse<String> token = exchange(clients.get(), code);
            if (ok(token, 200)) {
                keptTokens.add(json(token).get("access_token").asText());
            }
        });
        writer("revocations", () -> {
            Http browser = clients.get();
            String code = allow(browser, openConsent(browser, "r"), List.of(dimmers.get(0)));
            HttpResponse<String> token = exchange(clients.get(), code);
            if (!ok(token, 200)) {
                return;
            }
            String access = json(token).get("access_token").asText();
            if (ok(clients.get().postForm("/oauth/revoke", Map.of("token", access), "Authorization",
                    Http.basic(clientId, clientSecret)), 200)) {
                revokedTokens.add(access);
            } else {
                keptTokens.add(access);   // issued and answered, not revoked: it must keep working
            }
        });
        writer("smartapp", () -> {
            long next = ttlAcked.get() == 0 ? 3601 : ttlAcked.get() + 1;
            if (ok(clients.get().putJson("/api/smartapps/" + changedAppId, Map.of("accessTokenTtlSeconds", next),
                    "Authorization", basic), 200)) {
                ttlAcked.set(next);
            }
        });
        return this;
    }

    private static boolean ok(HttpResponse<String> response, int expected) {
        return response.statusCode() == expected;
    }

    private void writer(String name, Runnable step) {
        Thread thread = new Thread(() -> {
            while (!stop.get()) {
                try {
                    step.run();
                } catch (IllegalStateException | AssertionError e) {
                    // A request the server didn't answer (it was killed) confirmed nothing.
                    pause(20);
                } catch (RuntimeException e) {
                    failures.add(e);
                    pause(20);
                }
            }
        }, "durability-" + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Stops the writers and waits for them; what they had confirmed is what {@link #verify} checks. */
    public DurabilityLoad stop() {
        stop.set(true);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(failures).as("unexpected client errors").isEmpty();
        return this;
    }

    /** Whether a refresh was on the wire when the server died (then its answer may be lost). */
    public boolean refreshWasInFlight() {
        return refreshInFlight.get();
    }

    /** How many writes the answers confirmed, by kind. */
    public Map<String, Integer> acknowledged() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("state writes", stateAcked.values().stream().mapToInt(AtomicInteger::get).sum());
        counts.put("device commands", commandsAcked.values().stream().mapToInt(AtomicInteger::get).sum());
        counts.put("consents kept", keptTokens.size());
        counts.put("tokens revoked", revokedTokens.size());
        counts.put("smartapp changes", (int) Math.max(0, ttlAcked.get() - 3600));
        return counts;
    }

    /** From now on, requests (and checks) go through these clients: the node left standing, say. */
    public DurabilityLoad use(Supplier<Http> clients) {
        this.clients = clients;
        return this;
    }

    /** Finds every acknowledged write; answers what was checked, by kind. */
    public Map<String, Integer> verify(boolean refreshMayBeLost) {
        return verify(refreshMayBeLost, true);
    }

    /**
     * @param refreshMayBeLost a refresh was on the wire at the kill: its answer may be lost (the
     *                         client then holds a used refresh token)
     * @param session          check the web session signed in at the start (its browser talks to every node)
     */
    public Map<String, Integer> verify(boolean refreshMayBeLost, boolean session) {
        Http http = clients.get();
        Map<String, Integer> counts = acknowledged();
        counts.values().forEach(n -> assertThat(n).as("the load ran: " + counts).isPositive());
        // State: each key holds at least its last acknowledged value (a later, unanswered write may have landed).
        for (Map.Entry<String, AtomicInteger> key : stateAcked.entrySet()) {
            String[] where = stateWhere.get(key.getKey());
            HttpResponse<String> read = clients.get().get(where[0] + "/state/" + key.getKey(), "Authorization",
                    "Bearer " + where[1]);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(json(read).get("value").asInt()).as("state " + key.getKey())
                    .isGreaterThanOrEqualTo(key.getValue().get());
        }
        // Device commands: an event for every acknowledged command.
        for (Map.Entry<String, AtomicInteger> dimmer : commandsAcked.entrySet()) {
            HttpResponse<String> events = http.get("/api/devices/" + dimmer.getKey() + "/events?max=200",
                    "Authorization", basic);
            assertThat(events.statusCode()).isEqualTo(200);
            long levels = 0;
            for (JsonNode event : json(events)) {
                if ("level".equals(event.get("name").asText())) {
                    levels++;
                }
            }
            assertThat(levels).as("level events of " + dimmer.getKey()).isGreaterThanOrEqualTo(dimmer.getValue()
                    .get());
        }
        // Tokens: every one an answer issued still works, every one revoked stays revoked.
        for (String token : keptTokens) {
            assertThat(clients.get().get("/api/smartapps/endpoints", "Authorization", "Bearer " + token)
                    .statusCode()).as("an acknowledged consent's token").isEqualTo(200);
        }
        for (String token : revokedTokens) {
            assertThat(clients.get().get("/api/smartapps/endpoints", "Authorization", "Bearer " + token)
                    .statusCode()).as("an acknowledged revocation").isEqualTo(401);
        }
        assertThat(clients.get().get("/api/smartapps/endpoints", "Authorization", "Bearer " + rotatedAccess)
                .statusCode()).as("the last rotated access token").isEqualTo(200);
        if (!refreshMayBeLost) {
            HttpResponse<String> again = refresh(clients.get(), rotatedRefresh);
            assertThat(again.statusCode()).as("the last rotated refresh token: " + again.body()).isEqualTo(200);
            rotatedAccess = json(again).get("access_token").asText();
            rotatedRefresh = json(again).get("refresh_token").asText();
        }
        // SmartApp changes.
        HttpResponse<String> changed = http.get("/api/smartapps/" + changedAppId, "Authorization", basic);
        assertThat(json(changed).get("accessTokenTtlSeconds").asLong()).isGreaterThanOrEqualTo(ttlAcked.get());
        // The web session signed in before: still signed in.
        if (session) {
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> apps = browser.get("/apps");
                assertThat(apps.statusCode()).as("the session signed in before").isEqualTo(200);
            }
        }
        return counts;
    }

    private static String created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asText();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
