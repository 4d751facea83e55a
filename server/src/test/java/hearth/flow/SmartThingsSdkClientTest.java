package hearth.flow;

import hearth.support.TestDataDirs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real client: {@code @smartthings/core-sdk} from npm, pinned by {@code src/test/js/package-lock.json}
 * and installed with {@code npm ci} into {@code target/core-sdk-client}, runs unchanged against this
 * Hearth with only its {@code urlProvider} pointed here ({@code src/test/js/client.js}).
 */
class SmartThingsSdkClientTest extends HearthTestBase {
    private static final Path SOURCE = Path.of("src/test/js");
    private static final Path CLIENT = Path.of("target/core-sdk-client");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("core-sdk");
        registry.add("hearth.data-dir", () -> dir);
    }

    /** npm ci, unless target/ already holds this very lock file's install. */
    @BeforeAll
    static void installTheSdk() throws IOException, InterruptedException {
        Files.createDirectories(CLIENT);
        for (String file : List.of("package.json", "package-lock.json", "client.js")) {
            Files.copy(SOURCE.resolve(file), CLIENT.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Path installed = CLIENT.resolve("node_modules/.package-lock.json");
        Path sdk = CLIENT.resolve("node_modules/@smartthings/core-sdk/package.json");
        if (Files.exists(sdk) && Files.exists(installed) && Files.readString(sdk).contains("\"version\": \"8.5.3\"")) {
            return;
        }
        Result npm = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(),
                Duration.ofMinutes(8));
        assertThat(npm.exit()).as("npm ci of @smartthings/core-sdk (needs the npm registry):\n" + npm.output())
                .isZero();
    }

    @Test
    void anUnchangedCoreSdkProgramListsPagesReadsAndSwitchesWithAScopedPersonalToken() throws Exception {
        Fixture f = fixture();
        HttpResponse<String> created = http().postJson("/api/tokens", Map.of("name", "core-sdk", "scopes",
                List.of("r:locations:*", "r:devices:*", "x:devices:" + f.lampId())), "Authorization", f.basic());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode out = node("personal", Map.of("TOKEN", json(created).get("token").asText()));
        assertThat(out.get("locations").toString()).isEqualTo("[\"Home\"]");
        assertThat(out.get("devices").toString()).isEqualTo("[\"Lamp\",\"Kitchen\",\"Door Lock\"]");
        assertThat(out.get("switchCapable").toString()).isEqualTo("[\"Lamp\"]");
        assertThat(out.get("before").asText()).isEqualTo("off");
        assertThat(out.get("results").get("results").get(0).get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(out.get("after").asText()).isEqualTo("on");
        assertThat(out.get("health").asText()).isEqualTo("ONLINE");
        assertThat(json(http().get("/api/devices/" + f.lampId(), "Authorization", f.basic())).get("attributes")
                .get("switch").get("value").asText()).isEqualTo("on");
        JsonNode refused = out.get("outOfScope");
        assertThat(refused.get("status").asInt()).isEqualTo(403);
        assertThat(refused.get("body").get("error").get("code").asText()).isEqualTo("ForbiddenError");
        assertThat(refused.get("body").get("error").get("message").asText()).contains("x:devices:" + f.kitchenId());
        assertThat(refused.get("wwwAuthenticate").asText()).contains("insufficient_scope");
    }

    @Test
    void itsRefreshTokenAuthenticatorRefreshesAnExpiredTokenAtHearthAndCarriesOn() throws Exception {
        Fixture f = fixture();
        String code = authorize(f, Map.of("switches", List.of(f.lampId(), f.kitchenId())));
        JsonNode tokens = json(exchange(f, code));
        clock.advance(Duration.ofHours(25));
        JsonNode out = node("refresh", Map.of("TOKEN", tokens.get("access_token").asText(),
                "REFRESH_TOKEN", tokens.get("refresh_token").asText(), "CLIENT_ID", f.clientId(),
                "CLIENT_SECRET", f.clientSecret()));
        assertThat(out.get("devices").toString()).isEqualTo("[\"Lamp\",\"Kitchen\"]");
        assertThat(out.get("refreshed").asBoolean()).isTrue();
        assertThat(out.get("newRefreshToken").asBoolean()).isTrue();
        assertThat(http().get("/v1/devices", "Authorization", "Bearer " + out.get("accessToken").asText())
                .statusCode()).isEqualTo(200);
        assertThat(http().get("/v1/devices", "Authorization", "Bearer " + tokens.get("access_token").asText())
                .statusCode()).isEqualTo(401);
    }

    private JsonNode node(String mode, Map<String, String> environment) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("HEARTH_URL", base());
        Result result = run(List.of("node", "client.js", mode), env, Duration.ofMinutes(2));
        assertThat(result.exit()).as(result.output()).isZero();
        String last = result.output().strip().lines().reduce((a, b) -> b).orElse("");
        return JSON.readTree(last);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command, Map<String, String> env, Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("npm_config_update_notifier", "false");
        Path log = Files.createTempFile(CLIENT.toAbsolutePath(), "run", ".out");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not finish within " + limit + ":\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
