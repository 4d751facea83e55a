package hearth.installation;

import com.sun.net.httpserver.HttpServer;
import hearth.account.Account;
import hearth.account.AccountService;
import hearth.location.Location;
import hearth.location.global.LocationService;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * installed(), updated() and uninstalled() run outside any database transaction: a SmartApp may
 * call out over HTTP from them, and no transaction should wait for it. The app calls a receiver
 * here, which looks at the database through a connection of its own while the app waits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
class LocalInstallationsTest {
    private static final HttpServer RECEIVER = receiver();
    private static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private static JdbcTemplate separate;

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String installation = exchange.getRequestURI().getQuery();
                Integer rows = separate.queryForObject("SELECT COUNT(*) FROM installation WHERE id = ?",
                        Integer.class, installation);
                SEEN.add(exchange.getRequestURI().getPath() + " " + installation + " rows=" + rows);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("local-installations");
        registry.add("hearth.data-dir", () -> dir);
        registry.add("hearth.outbound.allow[0]", () -> "127.0.0.1:" + RECEIVER.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        RECEIVER.stop(0);
    }

    @Autowired
    AccountService accounts;
    @Autowired
    LocationService locations;
    @Autowired
    SmartAppService apps;
    @Autowired
    LocalInstallations installations;

    @Autowired
    void separateConnection(DataSource dataSource) {
        separate = new JdbcTemplate(dataSource);
    }

    @Test
    void installWhenInstalledCallsOutThenTheInstallationIsAlreadyCommitted() {
        String base = "http://127.0.0.1:" + RECEIVER.getAddress().getPort();
        String source = """
                definition(name: "Caller", namespace: "hearth.test", author: "Hearth", description: "d",
                           category: "c", oauth: true)
                preferences { section { input "switches", "capability.switch", multiple: true, required: false } }
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { [] }
                def installed() { httpGet("%s/installed?${app.id}") { resp -> } }
                def updated() { httpGet("%s/updated?${app.id}") { resp -> } }
                def uninstalled() { httpGet("%s/uninstalled?${app.id}") { resp -> } }
                """.formatted(base, base, base);
        Account account = accounts.signUp("tx-" + UUID.randomUUID().toString().substring(0, 8), "long enough pw");
        Location home = locations.create(account.id(), "Home", null, "UTC");
        SmartAppRecord app = apps.register(account.id(), new SmartAppService.Changes(source,
                List.of("https://example.com/cb"), null, null, null, null, null)).app();

        Installation installation = installations.install(account.id(), app, home, Map.of(), Map.of());
        installations.updateDevices(installation.id(), Map.of());
        installations.uninstall(installation.id());

        assertThat(SEEN).containsExactly("/installed " + installation.id() + " rows=1",
                "/updated " + installation.id() + " rows=1", "/uninstalled " + installation.id() + " rows=1");
    }
}
