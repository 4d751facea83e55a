package hearth.admin;

import hearth.browser.HeadlessChromium;
import hearth.browser.PhoneLayout;
import hearth.support.HearthProcess;
import hearth.support.Http;
import hearth.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static hearth.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator on PostgreSQL (the {@code postgres} profile: no demo, no sign-up) makes the first
 * account from the README alone: with the setup code the server prints at its first start, which
 * works once, or with {@code ./hearth admin create-account}; the packaged jar, as an operator runs it.
 */
class FirstAccountIT {
    private static final Duration START = Duration.ofSeconds(360);
    private static final Pattern CODE = Pattern.compile("setup code\\s+([A-Z2-9]{4}(?:-[A-Z2-9]{4}){4})");

    @Test
    void theSetupCodeFromTheLogMakesTheFirstAccountAnAdminOnceAndTheCommandMakesMore() throws Exception {
        String database = PostgresDatabase.create();
        int port = HearthProcess.freePort();
        List<String> settings = settings(database);
        HearthProcess server = HearthProcess.start("first-account", port, settings, Map.of()).awaitHealthy(START);
        try {
            String code = setupCode(server.log());
            Http browser = new Http(server.url());
            HttpResponse<String> landing = browser.get("/", "Accept", "text/html");
            assertThat(landing.body()).contains("This server has no account yet", "/setup");
            HttpResponse<String> page = browser.get("/setup", "Accept", "text/html");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(setupCodes(server.log())).as("opening the page while the code is good prints no other")
                    .hasSize(1);

            onAPhone(server.url());

            HttpResponse<String> wrong = setUp(browser, "ABCD-EFGH-JKLM-NPQR-STUV", "root");
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("that setup code is wrong, used or expired");

            HttpResponse<String> made = setUp(browser, code.toLowerCase().replace("-", " "), "root");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
            assertThat(made.headers().firstValue("Location").orElseThrow()).endsWith("/login?setUp");
            String root = Http.basic("root", "correct horse battery");
            HttpResponse<String> accounts = browser.get("/api/admin/accounts", "Authorization", root);
            assertThat(accounts.statusCode()).as(accounts.body()).isEqualTo(200);
            assertThat(json(accounts).get(0).get("username").asText()).isEqualTo("root");
            assertThat(json(accounts).get(0).get("admin").asBoolean()).isTrue();

            Http other = new Http(server.url());
            HttpResponse<String> again = setUp(other, code, "mallory");
            assertThat(again.statusCode()).as("the code works once; then the page is gone").isEqualTo(404);
            assertThat(other.get("/api/locations", "Authorization", Http.basic("mallory", "correct horse battery"))
                    .statusCode()).isEqualTo(401);
            assertThat(Files.readString(server.log())).doesNotContain("correct horse battery");

            // More accounts, by the command on the same machine while the server runs (PostgreSQL).
            Result bob = command(settings, "correct horse bob\n", "create-account", "bob");
            assertThat(bob.exit()).as(bob.output()).isZero();
            assertThat(bob.output()).contains("account bob created.").doesNotContain(", an admin")
                    .doesNotContain("\u001b[");
            String bobBasic = Http.basic("bob", "correct horse bob");
            assertThat(browser.get("/api/locations", "Authorization", bobBasic).statusCode()).isEqualTo(200);
            HttpResponse<String> refused = browser.get("/api/admin/accounts", "Authorization", bobBasic);
            assertThat(refused.statusCode()).as("not an admin").isEqualTo(404);
            assertThat(refused.body()).isEqualTo(browser.get("/api/admin/no-such-thing", "Authorization", bobBasic)
                    .body().replace("no-such-thing", "accounts"));
        } finally {
            server.close();
        }
    }

    @Test
    void theCommandMakesTheFirstAccountOfAnEmptyDatabaseAnAdminAndMadePasswordsArePrintedOnce() throws Exception {
        String database = PostgresDatabase.create();
        List<String> settings = settings(database);

        Result first = command(settings, "", "create-account", "operator");

        assertThat(first.exit()).as(first.output()).isZero();
        Matcher password = Pattern.compile("its password \\(shown this once\\): (\\S+)\\. ").matcher(first.output());
        assertThat(password.find()).as(first.output()).isTrue();
        assertThat(first.output()).contains("account operator created, an admin");
        try (Connection c = DriverManager.getConnection(database, PostgresDatabase.user(), PostgresDatabase.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT is_admin, password_hash FROM account "
                     + "WHERE username = 'operator'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getString(2)).startsWith("{bcrypt}").doesNotContain(password.group(1));
        }
        Result twice = command(settings, "long enough pw\n", "create-account", "operator");
        assertThat(twice.exit()).isEqualTo(1);
        assertThat(twice.output()).contains("the username 'operator' is taken");
        Result usage = command(settings, "", "create-account");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.output()).contains("usage: ./hearth admin create-account NAME");
    }

    /** The setup page, and its answer to a wrong code, on a 360 px phone in real headless Chromium. */
    private static void onAPhone(String url) {
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            ChromeDriver phone = chromium.driver();
            PhoneLayout.emulate(phone);
            phone.get(url + "/setup");
            PhoneLayout.assertFits(phone, "setup");
            phone.findElement(By.name("code")).sendKeys("ABCD-EFGH-JKLM-NPQR-STUV");
            phone.findElement(By.name("username")).sendKeys("root");
            phone.findElement(By.name("password")).sendKeys("correct horse battery");
            phone.findElement(By.name("code")).submit();
            new WebDriverWait(phone, Duration.ofSeconds(15)).until(d -> d.getPageSource()
                    .contains("that setup code is wrong, used or expired"));
            PhoneLayout.assertFits(phone, "setup-wrong-code");
        }
    }

    private static List<String> settings(String database) {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.password=" + PostgresDatabase.password(),
                "--hearth.data-dir=target/it-data/first-account");
    }

    private static HttpResponse<String> setUp(Http browser, String code, String username) {
        HttpResponse<String> page = browser.get("/setup", "Accept", "text/html");
        String csrf = page.statusCode() == 200 ? Http.csrf(page.body()) : Http.csrf(browser.get("/login").body());
        return browser.postForm("/setup", Map.of("code", code, "username", username,
                "password", "correct horse battery", "_csrf", csrf), "Accept", "text/html");
    }

    private static String setupCode(Path log) throws IOException {
        List<String> codes = setupCodes(log);
        assertThat(codes).as("a setup code in " + log).isNotEmpty();
        return codes.get(codes.size() - 1);
    }

    private static List<String> setupCodes(Path log) throws IOException {
        Matcher m = CODE.matcher(Files.readString(log));
        List<String> codes = new ArrayList<>();
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private record Result(int exit, String output) {
    }

    /** {@code ./hearth admin ...} as the launcher runs it: the packaged jar's PropertiesLauncher. */
    private static Result command(List<String> settings, String stdin, String... words)
            throws IOException, InterruptedException, SQLException {
        String jar = System.getProperty("hearth.jar", "target/hearth-server.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-Dloader.main=hearth.admin.AdminCommand", "-cp", jar,
                "org.springframework.boot.loader.launch.PropertiesLauncher"));
        command.addAll(List.of(words));
        command.addAll(settings);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
