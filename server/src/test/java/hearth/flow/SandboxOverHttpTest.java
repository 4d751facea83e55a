package hearth.flow;

import hearth.support.Http;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox as a developer and an attacker meet it: over the management and installation APIs. */
class SandboxOverHttpTest extends HearthTestBase {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("sandbox");
        registry.add("hearth.data-dir", () -> dir);
    }

    private static final String HEADER = """
            definition(name: "Hostile", namespace: "x", author: "x", description: "x", category: "x", oauth: true)
            preferences { section("s") { input "switches", "capability.switch", multiple: true } }
            mappings { path("/go") { action: [GET: "go"] } }
            """;

    private HttpResponse<String> register(Fixture owner, String source) {
        return http().postJson("/api/smartapps", Map.of("source", source,
                "redirectUris", List.of("https://client.example.com/callback")), "Authorization", owner.basic());
    }

    @Test
    void registrationRefusesEscapesWithTheLineAndTheConstruct() throws Exception {
        Fixture f = fixture();
        Path marker = Path.of("target", "test-data", "escaped-" + UUID.randomUUID());
        String source = HEADER + "def go() {\n    \"touch " + marker.toAbsolutePath() + "\".execute()\n}\n";
        HttpResponse<String> refused = register(f, source);
        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode body = json(refused);
        assertThat(body.get("error").asText()).isEqualTo("invalid_source");
        assertThat(body.get("problems").get(0).get("line").asInt()).isEqualTo(5);
        assertThat(body.get("problems").get(0).get("message").asText()).contains("execute");
        assertThat(Files.exists(marker)).isFalse();

        HttpResponse<String> grab = register(f, "@Grab('org.example:evil:1.0')\nimport org.example.Evil\n" + HEADER
                + "def go() { [ok: true] }\n");
        assertThat(grab.statusCode()).isEqualTo(400);
        assertThat(json(grab).get("problems").get(0).get("line").asInt()).isEqualTo(1);

        HttpResponse<String> syntax = register(f, HEADER + "def go() {\n  [ok: true\n}\n");
        assertThat(syntax.statusCode()).isEqualTo(400);
        assertThat(json(syntax).get("problems").get(0).get("line").asInt()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aHandlerThatEscapesAtRunTimeIsStoppedAndTheServerKeepsServing() {
        Path marker = Path.of("target", "test-data", "escaped-" + UUID.randomUUID()).toAbsolutePath();
        // The method name is built at run time, so only the run-time checker can see what it is.
        String source = HEADER.replace("path(\"/go\") { action: [GET: \"go\"] }",
                "path(\"/go\") { action: [GET: \"go\"] }; path(\"/ok\") { action: [GET: \"ok\"] }")
                + "def go() {\n    def name = 'exe' + 'cute'\n    \"touch " + marker + "\".\"$name\"()\n}\n"
                + "def ok() { [ok: true] }\n";
        Fixture f = fixture(source, List.of("*"));
        String token = token(f);
        String uri = endpoint(token).get("uri").asText();
        HttpResponse<String> escape = http().get(uri + "/go", "Authorization", "Bearer " + token);
        assertThat(escape.statusCode()).isEqualTo(500);
        assertThat(json(escape).get("error").asBoolean()).isTrue();
        assertThat(json(escape).get("type").asText()).isEqualTo("SandboxViolationException");
        assertThat(json(escape).get("message").asText()).contains("execute");
        assertThat(Files.exists(marker)).isFalse();
        HttpResponse<String> ok = http().get(uri + "/ok", "Authorization", "Bearer " + token);
        assertThat(ok.statusCode()).isEqualTo(200);
    }

    @Test
    void aMemberThatDoesNotExistIsGroovysOwnErrorInTheClassicBody() {
        String source = HEADER.replace("path(\"/go\") { action: [GET: \"go\"] }",
                "path(\"/go\") { action: [GET: \"go\"] }; path(\"/call\") { action: [GET: \"call\"] }")
                + "def go() { true.by }\ndef call() { 5.foo() }\n";
        Fixture f = fixture(source, List.of("*"));
        String token = token(f);
        String uri = endpoint(token).get("uri").asText();
        HttpResponse<String> property = http().get(uri + "/go", "Authorization", "Bearer " + token);
        assertThat(property.statusCode()).isEqualTo(500);
        assertThat(json(property).get("type").asText()).isEqualTo("MissingPropertyException");
        assertThat(json(property).get("message").asText()).isEqualTo("No such property: by for class: java.lang.Boolean");
        assertThat(json(property).get("reference").asText()).isNotBlank();
        HttpResponse<String> method = http().get(uri + "/call", "Authorization", "Bearer " + token);
        assertThat(method.statusCode()).isEqualTo(500);
        assertThat(json(method).get("type").asText()).isEqualTo("MissingMethodException");
        assertThat(json(method).get("message").asText())
                .startsWith("No signature of method: foo for class: java.lang.Integer is applicable");
    }

    @Test
    void anAppCannotRedirectOffSiteNorWeakenTheServersSecurityHeaders() {
        String source = HEADER.replace("path(\"/go\") { action: [GET: \"go\"] }",
                "path(\"/go\") { action: [GET: \"go\"] }; path(\"/sniff\") { action: [GET: \"sniff\"] };"
                        + " path(\"/away\") { action: [GET: \"away\"] }")
                + "def go() { render(status: 302, data: '', headers: [Location: '/api/smartapps/installations/x/done']) }\n"
                + "def sniff() { render(contentType: 'text/html', data: '<script>1</script>',"
                + " headers: ['X-Content-Type-Options': 'sniff']) }\n"
                + "def away() { render(status: 302, data: '', headers: [Location: 'https://attacker.example/login']) }\n";
        Fixture f = fixture(source, List.of("*"));
        String token = token(f);
        String uri = endpoint(token).get("uri").asText();
        HttpResponse<String> relative = http().get(uri + "/go", "Authorization", "Bearer " + token);
        assertThat(relative.statusCode()).isEqualTo(302);
        assertThat(relative.headers().allValues("Location")).containsExactly("/api/smartapps/installations/x/done");
        assertThat(relative.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        for (String path : List.of("/sniff", "/away")) {
            HttpResponse<String> refused = http().get(uri + path, "Authorization", "Bearer " + token);
            assertThat(refused.statusCode()).as(path).isEqualTo(500);
            assertThat(json(refused).get("error").asBoolean()).isTrue();
            assertThat(json(refused).get("type").asText()).isEqualTo("IllegalArgumentException");
            assertThat(json(refused).get("message").asText()).containsAnyOf("X-Content-Type-Options", "Location");
            assertThat(refused.headers().firstValue("Location")).isEmpty();
            assertThat(refused.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        }
    }
}
