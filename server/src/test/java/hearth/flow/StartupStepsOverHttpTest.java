package hearth.flow;

import hearth.support.Http;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --hearth.startup-steps=true}: {@code /actuator/startup} answers Spring's start-up steps to a
 * caller on this host, and refuses whoever {@code /actuator/prometheus} refuses. (Without the setting
 * there is no such endpoint: {@code WebSessionTest.startupStepsAreAbsentWithoutTheSetting}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, args = "--hearth.startup-steps=true")
class StartupStepsOverHttpTest extends HearthTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("startup-steps");
        registry.add("hearth.data-dir", () -> dir);
    }

    @Test
    void startupStepsWhenSettingOnThenALocalCallerGetsEveryPhaseFromTheFirstStep() {
        HttpResponse<String> startup = http().get("/actuator/startup");
        assertThat(startup.statusCode()).isEqualTo(200);
        JsonNode events = Http.json(startup).get("timeline").get("events");
        List<String> names = new ArrayList<>();
        List<String> beans = new ArrayList<>();
        for (JsonNode event : events) {
            names.add(event.get("startupStep").get("name").asText());
            for (JsonNode tag : event.get("startupStep").path("tags")) {
                if (tag.get("key").asText().equals("beanName")) {
                    beans.add(tag.get("value").asText());
                }
            }
        }
        // from the run's first phase (the setting came on the command line), through the refresh
        assertThat(names).contains("spring.boot.application.starting", "spring.boot.application.environment-prepared",
                "spring.context.refresh", "spring.boot.webserver.create", "spring.boot.application.ready");
        assertThat(beans).contains("flywayInitializer", "smartAppEngine", "templateEngine");
    }

    @Test
    void startupStepsWhenSettingOnThenWhomPrometheusRefusesIsRefusedToo() {
        for (String path : List.of("/actuator/prometheus", "/actuator/startup")) {
            // A reverse proxy on this host, trusted or not (none is by default): its clients are not local.
            for (String header : List.of("X-Forwarded-For", "Forwarded", "X-Real-IP")) {
                HttpResponse<String> forwarded = http().get(path, header, "203.0.113.9");
                assertThat(forwarded.statusCode()).as(path + " " + header).isEqualTo(403);
                assertThat(forwarded.body()).contains("hearth.metrics.token").doesNotContain("spring.");
            }
            HttpResponse<String> wrongToken = http().get(path, "Authorization", "Bearer guess");
            assertThat(wrongToken.statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void startupStepsWhenSignedInAccountCallsThroughAProxyThenRefused() {
        // Left to the pages' chain (as before this endpoint was guarded), any signed-in account,
        // from anywhere, read the steps. Now the session is not even read.
        Fixture f = fixture();
        Http browser = http();
        signInAndFollow(browser, "/apps", f.username(), f.password(), "/apps");
        HttpResponse<String> steps = browser.get("/actuator/startup", "X-Forwarded-For", "203.0.113.9");
        assertThat(steps.statusCode()).isEqualTo(403);
        assertThat(steps.body()).doesNotContain("spring.context.refresh");
    }

    @Test
    void startupStepsWhenPostedThenNotDrained() {
        // read-only (management.endpoint.startup.access): a POST would empty the buffer
        HttpResponse<String> posted = http().send("POST", "/actuator/startup", "");
        assertThat(posted.statusCode()).isNotEqualTo(200);
        HttpResponse<String> after = http().get("/actuator/startup");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("spring.context.refresh");
    }
}
