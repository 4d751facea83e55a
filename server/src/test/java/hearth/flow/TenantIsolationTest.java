package hearth.flow;

import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two accounts, two SmartApps side by side on one server, over real HTTP: the attacker's app tries
 * every mechanism the sandbox knows to change what the other app's calls return, read its state or
 * drive its devices; then it floods runaway calls, and the other account's call still answers at
 * once (the engine's fair shares: engine/README.md, "Capacity").
 */
class TenantIsolationTest extends HearthTestBase {
    private static final String INPUTS = """
            preferences { section("s") { input "switches", "capability.switch", multiple: true } }
            """;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("tenants");
        registry.add("hearth.data-dir", () -> dir);
        registry.add("hearth.engine.call-timeout", () -> "4s");
    }

    private static final String VICTIM = """
            definition(name: "Victim", namespace: "a", author: "a", description: "a", category: "a", oauth: true)
            """ + INPUTS + """
            mappings {
              path("/whoami") { action: [GET: "whoami"] }
              path("/keep") { action: [PUT: "keep"] }
            }
            def whoami() {
              [upper: "abc".toUpperCase(), sum: [1, 2].sum(), size: [1, 2, 3].size(), secret: state.secret,
               lamps: switches.collect { it.currentValue("switch") }, json: new groovy.json.JsonOutput().toJson([a: 1])]
            }
            def keep() { state.secret = params.v }
            """;

    /** Each attack hides its names from registration, so only the run-time gate can stop it. */
    private static final List<String> ATTACKS = List.of(
            "def n = 'meta' + 'Class'; String.\"$n\".toUpperCase = { -> 'pwned' }",
            "def k = \"meta${'Class'}\"; 'x'[k].toUpperCase = { -> 'pwned' }",
            "def n = 'meta' + 'Class'; def c = { -> toUpperCase = { -> 'pwned' } }; c.delegate = String.\"$n\"; c()",
            "def n = 'meta' + 'Class'; List.\"$n\".sum = { -> 42 }",
            "def n = 'meta' + 'Class'; [].\"$n\".size = { -> 42 }",
            "def n = 'enable' + 'Globally'; def m = 'meta' + 'Class'; 'x'.\"$m\".\"$n\"()",
            "def n = 'pro' + 'vider'; java.security.MessageDigest.getInstance('SHA-256').\"$n\".clear()",
            "def n = 'bind' + 'ing'; this.\"$n\".variables.state = [secret: 'stolen']",
            "def n = 'han' + 'dle'; switches[0].\"$n\"().command('on', [])",
            "def n = 'parallel' + 'Stream'; [1, 2].\"$n\"().forEach { x -> state.x = x }",
            "def n = 'get' + 'Class'; switches.\"$n\"().classLoader",
            "def n = 'with'; 'x'.\"$n\" { def m = 'meta' + 'Class'; delegate.\"$m\".toUpperCase = { -> 'pwned' } }",
            "def n = 'de' + 'legate'; def c = { -> 1 }; c.\"$n\" = String; c.\"$n\"",
            "def n = 'invoke' + 'Method'; 'x'.\"$n\"('toUpperCase', null)",
            "def n = 'get' + 'Properties'; switches[0].\"$n\"()");

    private static String attacker() {
        StringBuilder paths = new StringBuilder();
        StringBuilder methods = new StringBuilder();
        for (int i = 0; i < ATTACKS.size(); i++) {
            paths.append("  path(\"/a").append(i).append("\") { action: [GET: \"a").append(i).append("\"] }\n");
            methods.append("def a").append(i).append("() { ").append(ATTACKS.get(i)).append(" }\n");
        }
        return """
                definition(name: "Attacker", namespace: "b", author: "b", description: "b", category: "b", oauth: true)
                """ + INPUTS + "mappings {\n" + paths + """
                  path("/spin") { action: [GET: "spin"] }
                }
                def spin() { while (true) { } }
                """ + methods;
    }

    @Test
    void oneAccountsAppCannotChangeReadOrDriveAnothers() {
        Fixture victim = fixture(VICTIM, List.of("*"));
        String victimToken = token(victim);
        String victimUri = endpoint(victimToken).get("uri").asText();
        assertThat(http().send("PUT", victimUri + "/keep?v=mine", null, "Authorization", "Bearer " + victimToken)
                .statusCode()).isEqualTo(204);
        HttpResponse<String> before = http().get(victimUri + "/whoami", "Authorization", "Bearer " + victimToken);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(200);
        assertThat(json(before).get("upper").asText()).isEqualTo("ABC");
        String lampBefore = http().get("/api/devices/" + victim.lampId(), "Authorization", victim.basic()).body();

        Fixture attacker = fixture(attacker(), List.of("*"));
        String attackerToken = token(attacker);
        String attackerUri = endpoint(attackerToken).get("uri").asText();
        for (int i = 0; i < ATTACKS.size(); i++) {
            HttpResponse<String> attack = http().get(attackerUri + "/a" + i, "Authorization", "Bearer " + attackerToken);
            assertThat(attack.statusCode()).as(ATTACKS.get(i) + " -> " + attack.body()).isEqualTo(500);
            JsonNode error = json(attack);
            assertThat(error.get("type").asText()).as(ATTACKS.get(i))
                    .isIn("SandboxViolationException", "MissingMethodException", "MissingPropertyException");
        }

        HttpResponse<String> after = http().get(victimUri + "/whoami", "Authorization", "Bearer " + victimToken);
        assertThat(after.body()).isEqualTo(before.body());
        assertThat(json(after).get("secret").asText()).isEqualTo("mine");
        assertThat(http().get("/api/devices/" + victim.lampId(), "Authorization", victim.basic()).body())
                .isEqualTo(lampBefore);
        assertThat("abc".toUpperCase()).isEqualTo("ABC");
        assertThat(groovy.lang.GroovySystem.getMetaClassRegistry().getMetaClass(String.class))
                .isNotInstanceOf(groovy.lang.ExpandoMetaClass.class);
    }

    @Test
    void aFloodOfRunawayCallsDoesNotDelayAnotherAccountsCall() throws Exception {
        Fixture victim = fixture(VICTIM, List.of("*"));
        String victimToken = token(victim);
        String victimUri = endpoint(victimToken).get("uri").asText();
        Fixture attacker = fixture(attacker(), List.of("*"));
        String attackerToken = token(attacker);
        String attackerUri = endpoint(attackerToken).get("uri").asText();

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<CompletableFuture<HttpResponse<String>>> flood = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            flood.add(client.sendAsync(HttpRequest.newBuilder(URI.create(attackerUri + "/spin"))
                    .header("Authorization", "Bearer " + attackerToken).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(1_000); // every runaway call is running or waiting now
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = http().get(victimUri + "/whoami", "Authorization", "Bearer " + victimToken);
            latencies.add((System.nanoTime() - start) / 1_000_000);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
        assertThat(flood).as("the flood is still running").anyMatch(f -> !f.isDone());
        System.out.println("another account's call under a flood of 20 runaway calls, ms: " + latencies);
        // the stated bound: it starts at once (the flooding Installation holds only its share of the
        // workers); far below the call timeout (4 s here) that a starved call would wait for
        assertThat(latencies).allMatch(ms -> ms < 2_000);

        List<String> types = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : flood) {
            HttpResponse<String> r = f.get();
            assertThat(r.statusCode()).isIn(500, 503);
            types.add(json(r).get("type").asText());
        }
        // each timed out (queued calls too: the limit counts from submission), or was refused at once
        assertThat(types).allSatisfy(t -> assertThat(t).isIn("ExecutionTimeoutException", "EngineBusyException"));
    }
}
