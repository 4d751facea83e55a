package hearth.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Keycloak 26.4.0 from its Maven Central distribution, in dev mode on loopback (its embedded H2
 * "dev-file" database), configured through the admin REST API: a realm, a confidential client
 * and a user.
 */
final class Keycloak {
    static final String REALM = "bench";
    static final String CLIENT_ID = "bench-client";
    static final String CLIENT_SECRET = "bench-client-secret-0123456789abcdef";
    static final String USER = "bench-user";
    static final String PASSWORD = "bench user password";
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "bench-admin-password";

    final ServerProcess process;
    final String base;

    private Keycloak(ServerProcess process, String base) {
        this.process = process;
        this.base = base;
    }

    static Keycloak start(Path home, int port, int managementPort, Path log) throws IOException, InterruptedException {
        // A fresh dev database each run, so the bootstrap admin is created and nothing is left over.
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (var walk = Files.walk(data)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        List<String> cmd = List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-host=127.0.0.1",
                "--http-port=" + port, "--http-management-port=" + managementPort, "--hostname-strict=false");
        String base = "http://127.0.0.1:" + port;
        ServerProcess p = ServerProcess.start("keycloak", cmd, Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD), log, base + "/realms/master", Duration.ofSeconds(300));
        return new Keycloak(p, base);
    }

    String tokenUrl() {
        return base + "/realms/" + REALM + "/protocol/openid-connect/token";
    }

    String introspectUrl() {
        return tokenUrl() + "/introspect";
    }

    String clientBasic() {
        return Http.clientBasic(CLIENT_ID, CLIENT_SECRET);
    }

    void configure() {
        Http http = new Http(base);
        HttpResponse<String> t = http.postForm("/realms/master/protocol/openid-connect/token", Map.of("grant_type",
                "password", "client_id", "admin-cli", "username", ADMIN, "password", ADMIN_PASSWORD));
        Http.expect(t, 200, "Keycloak admin token");
        String bearer = "Bearer " + Http.json(t).get("access_token").asText();
        Http.expect(http.postJson("/admin/realms", Map.of("realm", REALM, "enabled", true), "Authorization", bearer),
                201, "create realm");
        Http.expect(http.postJson("/admin/realms/" + REALM + "/clients", Map.of("clientId", CLIENT_ID,
                "secret", CLIENT_SECRET, "publicClient", false, "serviceAccountsEnabled", true,
                "directAccessGrantsEnabled", true, "standardFlowEnabled", true,
                "redirectUris", List.of(HearthSeeder.REDIRECT_URI)), "Authorization", bearer), 201, "create client");
        Http.expect(http.postJson("/admin/realms/" + REALM + "/users", Map.of("username", USER, "enabled", true,
                "emailVerified", true, "email", "bench@example.com", "firstName", "Bench", "lastName", "User",
                "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false))),
                "Authorization", bearer), 201, "create user");
    }

    /**
     * Tokens from password grants (each a user session): access and refresh tokens. No "openid"
     * scope: Hearth's clients are plain OAuth 2 clients, and with it every refresh would also sign an
     * ID token.
     */
    List<JsonNode> passwordGrants(int count) {
        Http http = new Http(base);
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> r = http.postForm(tokenUrl().substring(base.length()), Map.of("grant_type", "password",
                    "username", USER, "password", PASSWORD), "Authorization", clientBasic());
            Http.expect(r, 200, "Keycloak password grant");
            out.add(Http.json(r));
        }
        return out;
    }

    /** The probe the rows' correctness rests on: an introspection answers active. */
    boolean introspects(String accessToken) {
        HttpResponse<String> r = new Http(base).postForm(introspectUrl().substring(base.length()),
                Map.of("token", accessToken), "Authorization", clientBasic());
        return r.statusCode() == 200 && r.body().contains("\"active\":true");
    }
}
