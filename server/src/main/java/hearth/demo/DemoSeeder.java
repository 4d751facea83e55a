package hearth.demo;

import hearth.HearthProperties;
import hearth.account.Account;
import hearth.account.AccountRepository;
import hearth.account.AccountService;
import hearth.device.global.DeviceService;
import hearth.location.Location;
import hearth.location.global.LocationService;
import hearth.server.ServerDirectory;
import hearth.smartapp.SmartAppService;
import hearth.support.Secrets;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * On the first start with an empty database: an account, a Location with virtual devices and
 * the demo SmartApp, so the README's walk works at once. Its credentials are printed once to the
 * console (not the log) and written to {@code <data-dir>/demo.env}, readable by the owner only.
 */
@Component
public class DemoSeeder {
    public static final String USERNAME = "demo";

    private final HearthProperties properties;
    private final AccountRepository accountRepository;
    private final AccountService accounts;
    private final LocationService locations;
    private final DeviceService devices;
    private final SmartAppService apps;
    private final ServerDirectory directory;

    public DemoSeeder(HearthProperties properties, AccountRepository accountRepository, AccountService accounts,
                      LocationService locations, DeviceService devices, SmartAppService apps,
                      ServerDirectory directory) {
        this.properties = properties;
        this.accountRepository = accountRepository;
        this.accounts = accounts;
        this.locations = locations;
        this.devices = devices;
        this.apps = apps;
        this.directory = directory;
    }

    // No transaction around it: the demo's Locations and devices may live on other Servers, and
    // no transaction waits on the network. Each step commits on its own.
    @EventListener
    public void seed(ApplicationReadyEvent event) throws IOException {
        if (!properties.demo().enabled() || !properties.role().global() || accountRepository.count() > 0) {
            return;
        }
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        String password = Secrets.newSecret().substring(0, 16);
        // The demo's account is the server's first, so its admin (the newcomer runs this server).
        Account account = accounts.create(USERNAME, password, true);
        Location home = locations.create(account.id(), "Home", directory.names().get(0), "America/New_York");
        devices.create(account.id(), home.id(), "Living Room Lamp", List.of("switch", "switchLevel"),
                Map.of("level", 80));
        devices.create(account.id(), home.id(), "Kitchen Light", List.of("switch"), Map.of());
        devices.create(account.id(), home.id(), "Porch Light", List.of("switch"), Map.of("switch", "on"));
        devices.create(account.id(), home.id(), "Front Door", List.of("contactSensor", "battery"),
                Map.of("battery", 91));
        devices.create(account.id(), home.id(), "Front Door Lock", List.of("lock", "battery"), Map.of("battery", 77));
        devices.create(account.id(), home.id(), "Hallway Motion", List.of("motionSensor", "temperatureMeasurement"),
                Map.of("temperature", 70));
        List<String> servers = directory.names();
        if (servers.size() > 1) {
            // Several Servers: a second home on another one, so endpoints show each its own base_url.
            Location cabin = locations.create(account.id(), "Cabin", servers.get(1), "Europe/Oslo");
            devices.create(account.id(), cabin.id(), "Cabin Lamp", List.of("switch"), Map.of());
            devices.create(account.id(), cabin.id(), "Cabin Door", List.of("contactSensor"), Map.of());
        }
        String redirectUri = "http://localhost:" + port + "/demo/callback";
        String source = new ClassPathResource("demo/demo-smartapp.groovy").getContentAsString(StandardCharsets.UTF_8);
        SmartAppService.Registered app = apps.register(account.id(), new SmartAppService.Changes(source,
                List.of(redirectUri), List.of("*"), null, null, null, null));
        announce(port, password, app, redirectUri);
    }

    private void announce(int port, String password, SmartAppService.Registered app, String redirectUri)
            throws IOException {
        String base = "http://localhost:" + port;
        String env = "HEARTH=" + base + "\nUSERNAME=" + USERNAME + "\nPASSWORD=" + password + "\nCLIENT_ID="
                + app.app().clientId() + "\nCLIENT_SECRET=" + app.clientSecret() + "\nREDIRECT_URI=" + redirectUri
                + "\n";
        Path file = Path.of(properties.dataDir()).resolve("demo.env");
        Files.createDirectories(file.getParent());
        Files.writeString(file, env, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions apply.
        }
        // Printed to the console once, on purpose: these are the newcomer's keys to the demo.
        System.out.println("""

                ================================ Hearth demo ================================
                 Sign in at %s/login   username: %s   password: %s
                 Demo SmartApp  client_id: %s
                                client_secret: %s  (shown once; stored only as a hash)
                 Connect it:    %s/oauth/authorize?response_type=code&client_id=%s&scope=app&redirect_uri=%s
                 All of this is in %s (source it in a shell).
                =============================================================================
                """.formatted(base, USERNAME, password, app.app().clientId(), app.clientSecret(), base,
                app.app().clientId(), redirectUri, file.toAbsolutePath().normalize()));
    }
}
