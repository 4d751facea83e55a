package hearth.admin;

import hearth.HearthProperties;
import hearth.account.Account;
import hearth.account.AccountRepository;
import hearth.account.AccountService;
import hearth.audit.AuditLog;
import hearth.support.Secrets;
import hearth.web.ApiException;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./hearth admin ...}: what an operator does on the server's own machine, with the
 * server's settings (profile, database) and no web server: make the first account (an admin),
 * more accounts, or a new password for one. The password is asked for on a terminal, read from
 * the first line of standard input otherwise, or made and printed when that is empty.
 */
public final class AdminCommand {
    private static final String USAGE = """
            usage: ./hearth admin create-account NAME [--admin]   a new account; the server's first is an admin
                   ./hearth admin reset-password NAME             a new password for NAME (signed-in sessions stay)
              The password is asked for (or read from the first line of standard input; empty: one is made and
              printed). Settings as for ./hearth start: SPRING_PROFILES_ACTIVE=postgres, HEARTH_DB_URL, ...""";

    private AdminCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        boolean admin = false;
        for (String arg : args) {
            if (arg.equals("--admin")) {
                admin = true;
            } else if (arg.startsWith("--")) {
                settings.add(arg);
            } else {
                words.add(arg);
            }
        }
        if (words.size() != 2 || !List.of("create-account", "reset-password").contains(words.get(0))) {
            err.println(USAGE);
            return 2;
        }
        String name = words.get(1);
        SpringApplication app = new SpringApplication(Database.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setLogStartupInfo(false);
        app.setDefaultProperties(Map.of("logging.level.root", "WARN", "logging.level.org.flywaydb", "ERROR",
                "spring.output.ansi.enabled", "never"));
        try (ConfigurableApplicationContext context = app.run(settings.toArray(String[]::new))) {
            AccountService accounts = context.getBean(AccountService.class);
            if (words.get(0).equals("create-account")) {
                boolean first = context.getBean(AccountRepository.class).count() == 0;
                String password = password(name, out);
                boolean made = password.isEmpty();
                if (made) {
                    password = Secrets.newSecret().substring(0, 20);
                }
                Account account = accounts.create(name, password, admin || first);
                out.println("hearth: account " + account.username() + " created" + (admin || first ? ", an admin" : "")
                        + (made ? "; its password (shown this once): " + password : "") + ". Sign in at /login.");
            } else {
                Account account = accounts.byUsername(name);
                String password = password(name, out);
                boolean made = password.isEmpty();
                if (made) {
                    password = Secrets.newSecret().substring(0, 20);
                }
                accounts.setPassword(account.id(), password, "set on the server with ./hearth admin reset-password");
                out.println("hearth: " + account.username() + " has a new password"
                        + (made ? " (shown this once): " + password : "") + ".");
            }
            return 0;
        } catch (ApiException e) {
            err.println("hearth: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("hearth: " + rootMessage(e) + "\n  (with the embedded database, stop Hearth first: H2 lets "
                    + "one process open it; with PostgreSQL set SPRING_PROFILES_ACTIVE=postgres and HEARTH_DB_*)");
            return 1;
        }
    }

    /** From the terminal (asked twice), else the first line of standard input; empty means "make one". */
    private static String password(String name, PrintStream out) {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password for %s (empty: Hearth makes one): ", name);
            if (first == null || first.length == 0) {
                return "";
            }
            char[] again = console.readPassword("Again: ");
            if (!Arrays.equals(first, again)) {
                throw ApiException.badRequest("the two passwords differ; nothing was changed");
            }
            return new String(first);
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            return "";
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /**
     * Just the database: the schema (Flyway), accounts and the audit log. Not a {@code @Configuration},
     * so the server's component scan never picks it up; it is the command's only source.
     */
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
            TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
            FlywayAutoConfiguration.class})
    @EnableConfigurationProperties(HearthProperties.class)
    @Import({AccountRepository.class, AccountService.class, AuditLog.class})
    static class Database {
        @Bean
        PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
