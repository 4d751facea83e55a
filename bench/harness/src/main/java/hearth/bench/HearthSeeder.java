package hearth.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeds Hearth the way its users do, over HTTP: a developer registers the bench SmartApp; each
 * Account signs up, signs in, creates a Location with its devices, walks /oauth/authorize and its
 * consent form (ten switches ticked), and its client exchanges the code. In parallel: sign-up and
 * sign-in hash passwords with bcrypt, which is most of the time here.
 */
final class HearthSeeder {
    static final int DEVICES_PER_LOCATION = 12;
    static final int CHOSEN = 10;
    static final String REDIRECT_URI = "http://127.0.0.1:9/bench/callback";

    record App(String id, String clientId, String clientSecret) {
        String basic() {
            return Http.clientBasic(clientId, clientSecret);
        }
    }

    record Seeded(String username, String password, String locationId, List<String> deviceIds,
                  String installationId, String accessToken, String refreshToken) {
    }

    private final String base;
    private final String tag;

    HearthSeeder(String base, String tag) {
        this.base = base;
        this.tag = tag;
    }

    App registerApp(String source) {
        Http api = new Http(base);
        String user = "bench-dev-" + tag;
        String password = "bench dev password " + tag;
        Http.expect(api.postJson("/api/accounts", Map.of("username", user, "password", password)), 201, "sign-up");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", source);
        body.put("redirectUris", List.of(REDIRECT_URI));
        body.put("servers", List.of("*"));
        HttpResponse<String> r = api.postJson("/api/smartapps", body, "Authorization", Http.basic(user, password));
        Http.expect(r, 201, "register the bench SmartApp");
        JsonNode j = Http.json(r);
        return new App(j.get("id").asText(), j.get("clientId").asText(), j.get("clientSecret").asText());
    }

    List<Seeded> seed(App app, int count, int parallelism) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<Seeded>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> one(app, n)));
            }
            List<Seeded> out = new ArrayList<>();
            for (Future<Seeded> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Seeded one(App app, int n) {
        String username = "bench-" + tag + "-" + n;
        String password = "bench password " + n + " " + tag;
        Http browser = new Http(base);
        Http.expect(browser.postJson("/api/accounts", Map.of("username", username, "password", password)), 201,
                "sign-up");
        signIn(browser, username, password);
        // The management API with the console's session and its CSRF token: one bcrypt per Account,
        // not one per call as HTTP Basic would cost.
        String[] auth = apiAuth(browser, username, password);
        HttpResponse<String> loc = browser.postJson("/api/locations", Map.of("name", "Home " + n), auth);
        Http.expect(loc, 201, "create a Location");
        String locationId = Http.json(loc).get("id").asText();
        List<String> devices = new ArrayList<>();
        for (int d = 0; d < DEVICES_PER_LOCATION; d++) {
            HttpResponse<String> dev = browser.postJson("/api/locations/" + locationId + "/devices",
                    Map.of("label", "Switch " + d, "capabilities", List.of("switch"),
                            "attributes", Map.of("switch", d % 2 == 0 ? "on" : "off")), auth);
            Http.expect(dev, 201, "create a device");
            devices.add(Http.json(dev).get("id").asText());
        }
        String code = authorize(browser, app, devices.subList(0, CHOSEN));
        JsonNode tokens = exchange(new Http(base), app, code);
        String access = tokens.get("access_token").asText();
        HttpResponse<String> endpoints = new Http(base).get("/api/smartapps/endpoints", "Authorization",
                "Bearer " + access);
        Http.expect(endpoints, 200, "endpoints");
        String url = Http.json(endpoints).get(0).get("url").asText();
        String installationId = url.substring(url.lastIndexOf('/') + 1);
        return new Seeded(username, password, locationId, List.copyOf(devices.subList(0, CHOSEN)), installationId,
                access, tokens.get("refresh_token").asText());
    }

    static void signIn(Http browser, String username, String password) {
        HttpResponse<String> page = browser.get("/login");
        Http.expect(page, 200, "login page");
        HttpResponse<String> posted = browser.postForm("/login", Map.of("username", username, "password", password,
                "_csrf", Http.csrf(page.body())));
        String location = posted.headers().firstValue("Location").orElse("");
        if (posted.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login failed: " + posted.statusCode() + " " + location);
        }
    }

    /** Headers for the management API: the session's CSRF token when a page shows one, else HTTP Basic. */
    private static String[] apiAuth(Http browser, String username, String password) {
        HttpResponse<String> home = browser.get("/");
        if (home.statusCode() == 200) {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(home.body());
            if (m.find()) {
                HttpResponse<String> probe = browser.get("/api/locations", "X-CSRF-TOKEN", m.group(1));
                if (probe.statusCode() == 200) {
                    return new String[] {"X-CSRF-TOKEN", m.group(1)};
                }
            }
        }
        return new String[] {"Authorization", Http.basic(username, password)};
    }

    private static String authorize(Http browser, App app, List<String> chosen) {
        String url = "/oauth/authorize?response_type=code&client_id=" + Http.encode(app.clientId())
                + "&scope=app&redirect_uri=" + Http.encode(REDIRECT_URI) + "&state=bench";
        HttpResponse<String> page = browser.get(url);
        Http.expect(page, 200, "authorize page");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("request", Http.field(page.body(), "request"));
        form.put("_csrf", Http.csrf(page.body()));
        String location = Http.field(page.body(), "location");
        if (location != null) {
            form.put("location", location);
        }
        form.put("switches", chosen);
        form.put("decision", "allow");
        HttpResponse<String> redirect = browser.postForm("/oauth/authorize", form);
        Http.expect(redirect, 302, "consent");
        String to = redirect.headers().firstValue("Location").orElseThrow();
        Matcher m = Pattern.compile("[?&]code=([^&]+)").matcher(to);
        if (!m.find()) {
            throw new IllegalStateException("no code in the redirect " + to.replaceAll("code=[^&]+", "code=..."));
        }
        return java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    static JsonNode exchange(Http client, App app, String code) {
        HttpResponse<String> r = client.postForm("/oauth/token", Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", REDIRECT_URI), "Authorization", app.basic());
        Http.expect(r, 200, "code exchange");
        return Http.json(r);
    }

    /** Fresh sessions of the login page, each "cookie TAB csrf TAB username TAB password", for the login row. */
    List<String> loginSessions(List<Seeded> accounts, int count, int parallelism) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Seeded a = accounts.get(i % accounts.size());
                futures.add(pool.submit(() -> {
                    Http browser = new Http(base);
                    HttpResponse<String> page = browser.get("/login");
                    Http.expect(page, 200, "login page");
                    return browser.cookieHeader() + "\t" + Http.csrf(page.body()) + "\t" + a.username() + "\t"
                            + a.password();
                }));
            }
            List<String> out = new ArrayList<>();
            for (Future<String> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
