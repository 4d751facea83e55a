package hearth.flow;

import hearth.support.Http;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** A developer's SmartApps over HTTP: deleting one with its Installations, one namespace and name each. */
class SmartAppRegistryTest extends HearthTestBase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("registry");
        registry.add("hearth.data-dir", () -> dir);
    }

    @Test
    void deletingASmartAppRemovesItsInstallationsTokensAndDeviceCodesAndTellsTheirUsers() {
        Fixture f = fixture();
        JsonNode tokens = json(exchange(f, authorize(f, Map.of("switches", List.of(f.lampId())))));
        String access = tokens.get("access_token").asText();
        HttpResponse<String> device = http().postForm("/oauth/device_authorization", Map.of("scope", "app"),
                "Authorization", Http.basic(f.clientId(), f.clientSecret()));
        assertThat(device.statusCode()).as(device.body()).isEqualTo(200);
        String stranger = fixture().basic();
        assertThat(http().send("DELETE", "/api/smartapps/" + f.appId(), null, "Authorization", stranger)
                .statusCode()).as("someone else's app").isEqualTo(404);

        HttpResponse<String> deleted = http().send("DELETE", "/api/smartapps/" + f.appId(), null,
                "Authorization", f.basic());

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(json(deleted).get("installationsRemoved").asInt()).isEqualTo(1);
        assertThat(http().get("/api/smartapps/endpoints", "Authorization", "Bearer " + access).statusCode())
                .isEqualTo(401);
        HttpResponse<String> refreshed = http().postForm("/oauth/token", Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").asText()),
                "Authorization", Http.basic(f.clientId(), f.clientSecret()));
        assertThat(json(refreshed).get("error").asText()).isEqualTo("invalid_client");
        HttpResponse<String> polled = http().postForm("/oauth/token", Map.of("grant_type",
                "urn:ietf:params:oauth:grant-type:device_code", "device_code", json(device).get("device_code").asText(),
                "client_id", f.clientId(), "client_secret", f.clientSecret()));
        assertThat(json(polled).get("error").asText()).isEqualTo("invalid_client");
        assertThat(http().get("/api/smartapps/" + f.appId(), "Authorization", f.basic()).statusCode())
                .isEqualTo(404);
        assertThat(json(http().get("/api/installations", "Authorization", f.basic())).size()).isZero();
        assertThat(json(http().get("/api/audit", "Authorization", f.basic())).toString())
                .contains("INSTALLATION_REMOVED", "its developer deleted the SmartApp", "SMARTAPP_DELETED");
        assertThat(http().send("DELETE", "/api/smartapps/" + f.appId(), null, "Authorization", f.basic())
                .statusCode()).as("deleted once").isEqualTo(404);
    }

    @Test
    void aDeveloperRegistersANamespaceAndNameOnceAndAnotherDeveloperMayUseThemToo() {
        Fixture f = fixture();
        Map<String, Object> again = Map.of("source", resource("apps/flow-test.groovy"),
                "redirectUris", List.of("https://client.example.com/callback"));

        HttpResponse<String> twin = http().postJson("/api/smartapps", again, "Authorization", f.basic());

        assertThat(twin.statusCode()).as(twin.body()).isEqualTo(409);
        assertThat(json(twin).get("error").asText()).isEqualTo("smartapp_exists");
        assertThat(json(twin).get("error_description").asText())
                .contains("'Flow Test' in namespace 'hearth.test'", f.appId());
        assertThat(json(http().get("/api/smartapps", "Authorization", f.basic())).size()).isEqualTo(1);

        Fixture other = fixture();
        assertThat(other.appId()).as("another developer's Flow Test").isNotEqualTo(f.appId());

        String renamed = resource("apps/flow-test.groovy").replace("name: \"Flow Test\"", "name: \"Flow Test 2\"");
        HttpResponse<String> second = http().postJson("/api/smartapps", Map.of("source", renamed,
                "redirectUris", List.of("https://client.example.com/callback")), "Authorization", f.basic());
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        HttpResponse<String> clash = http().putJson("/api/smartapps/" + json(second).get("id").asText(),
                Map.of("source", resource("apps/flow-test.groovy")), "Authorization", f.basic());
        assertThat(clash.statusCode()).as("renaming onto the first").isEqualTo(409);
        HttpResponse<String> same = http().putJson("/api/smartapps/" + f.appId(),
                Map.of("source", resource("apps/flow-test.groovy")), "Authorization", f.basic());
        assertThat(same.statusCode()).as("saving an app under its own name").isEqualTo(200);
    }

    @Test
    void registrationsRacingForOneNameGiveOneAppAndTheOthersAre409NeverA500() throws Exception {
        Fixture f = fixture();
        String source = resource("apps/flow-test.groovy").replace("name: \"Flow Test\"", "name: \"Raced\"");
        Map<String, Object> body = Map.of("source", source, "redirectUris", List.of("https://client.example.com/cb"));
        int racers = 8;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return http().postJson("/api/smartapps", body, "Authorization", f.basic());
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(2, TimeUnit.MINUTES);
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(json(response).get("error").asText()).isEqualTo("smartapp_exists");
                    assertThat(json(response).get("error_description").asText()).contains("'Raced'");
                }
            }
            assertThat(statuses).as(statuses.toString()).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(json(http().get("/api/smartapps", "Authorization", f.basic())).findValuesAsString("name"))
                .filteredOn("Raced"::equals).hasSize(1);
    }
}
