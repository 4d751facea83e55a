package hearth.flow;

import hearth.support.Http;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The classic DSL pieces community apps relied on (issue 17), through a real server. */
class ClassicDslOverHttpTest extends HearthTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("classic-dsl");
        registry.add("hearth.data-dir", () -> dir);
    }

    @Test
    void anInstallationSeesNullForWhatIsUnsetItsModeChangeAndItsPostedFormAndKeepsWhatItUpdates() {
        Fixture f = fixture(resource("apps/classic-dsl-test.groovy"), List.of("*"));
        String token = token(f);
        String uri = endpoint(token).get("uri").asText();
        String[] auth = {"Authorization", "Bearer " + token};

        JsonNode probe = json(http().get(uri + "/probe", auth));
        assertThat(probe.get("others").asBoolean()).as(probe.toString()).isTrue();
        assertThat(probe.get("push").isNull()).isTrue();
        assertThat(probe.get("mode").asText()).isEqualTo("Home");
        assertThat(probe.get("json").asText()).isEqualTo("{\"n\":1}");

        HttpResponse<String> away = http().send("PUT", uri + "/mode/Away", "", auth);
        assertThat(away.statusCode()).as(away.body()).isEqualTo(204);
        assertThat(json(http().get(uri + "/probe", auth)).get("mode").asText()).isEqualTo("Away");
        HttpResponse<String> vacation = http().send("PUT", uri + "/mode/Vacation", "", auth);
        assertThat(vacation.statusCode()).isEqualTo(500);
        assertThat(vacation.body()).contains("'Vacation' is not a mode of Location 'Home'");
        assertThat(json(http().get(uri + "/probe", auth)).get("mode").asText()).isEqualTo("Away");

        HttpResponse<String> form = http().postForm(uri + "/form?deviceId=" + f.lampId(),
                Map.of("callbackUrl", "http://192.168.1.5:8080/cb"), auth);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(201);
        assertThat(json(form).get("deviceId").asText()).isEqualTo(f.lampId());
        assertThat(json(form).get("callbackUrl").asText()).isEqualTo("http://192.168.1.5:8080/cb");

        assertThat(http().send("PUT", uri + "/remember/blue", "", auth).statusCode()).isEqualTo(204);
        assertThat(json(http().get(uri + "/probe", auth)).get("remembered").asText()).isEqualTo("blue");
    }

    @Test
    void anAppListsTheLocationsRoutinesRunsOneAndHearsThatItRan() throws InterruptedException {
        Fixture f = fixture(resource("apps/classic-dsl-test.groovy"), List.of("*"));
        String token = token(f);
        String uri = endpoint(token).get("uri").asText();
        String[] auth = {"Authorization", "Bearer " + token};

        JsonNode listed = json(http().get(uri + "/routines", auth));
        assertThat(listed.get("labels").toString())
                .isEqualTo("[\"Good Morning!\",\"Goodbye!\",\"Good Night!\",\"I'm Back!\"]");
        HttpResponse<String> ran = http().postJson(uri + "/routines", Map.of("label", "Goodbye!"), auth);
        assertThat(ran.statusCode()).as(ran.body()).isEqualTo(201);
        assertThat(json(ran).get("mode").asText()).isEqualTo("Away");
        assertThat(json(http().get(uri + "/probe", auth)).get("mode").asText()).isEqualTo("Away");
        String last = null;
        for (int i = 0; i < 100 && last == null; i++) {
            JsonNode now = json(http().get(uri + "/routines", auth)).get("last");
            last = now == null || now.isNull() ? null : now.asText();
            if (last == null) {
                Thread.sleep(100);
            }
        }
        assertThat(last).as("the routineExecuted handler ran").isEqualTo("Goodbye!=goodbye");
    }

    @Test
    void whenInstalledFailsTheConsentSaysSoAndNothingIsInstalled() {
        Fixture f = fixture(resource("apps/installed-fails-test.groovy"), List.of("*"));
        Http browser = http();
        HttpResponse<String> page = signInAndFollow(browser, authorizeUrl(f, "s1"), f.username(), f.password());
        HttpResponse<String> answer = consent(browser, page, Map.of("switches", List.of(f.lampId())), "allow");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("installed() failed, so nothing was installed")
                .contains("IllegalStateException").contains("did not answer");
        HttpResponse<String> installations = http().get("/api/installations", "Authorization", f.basic());
        assertThat(json(installations).size()).as(installations.body()).isZero();
    }
}
