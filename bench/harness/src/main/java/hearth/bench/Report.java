package hearth.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects what was measured and renders the tables (Markdown, also readable as plain text). */
final class Report {
    enum Row {
        CEILING("bare ceiling: GET /actuator/health", "bare: GET /realms/bench/.well-known/openid-configuration"),
        LIVENESS("GET /actuator/health/liveness (no database)", null),
        METADATA("GET /.well-known/oauth-authorization-server", null),
        STATIC("static file: GET /hearth.css (no database)", null),
        INSTALLATION_API("installation API: GET {uri}/devices, handler reads 10 devices", null),
        INSTALLATION_API_HALF("installation API at half the load it carried above (paced: latency at that load)",
                null),
        INSTALLATION_API_FIRST_ROUND("installation API, only the first round's Installations (growth: the same "
                + "calls over more data)", null),
        INSTALLATION_API_LOGGED("installation API, the same handler logging one line: GET {uri}/devices/logged",
                null),
        ENDPOINTS("GET /api/smartapps/endpoints", null),
        CODE("token: authorization_code exchange", null),
        REFRESH("token: refresh_token (rotated each time)", "token: refresh_token (new one each time)"),
        INTROSPECTION("introspection: POST /oauth/introspect", "introspection: POST .../token/introspect"),
        LOGIN("login: POST /login form (bcrypt)", null),
        CLIENT_CREDENTIALS(null, "token: client_credentials"),
        PASSWORD_GRANT(null, "login: password grant (pbkdf2)");

        final String hearth;
        final String keycloak;

        Row(String hearth, String keycloak) {
            this.hearth = hearth;
            this.keycloak = keycloak;
        }
    }

    final class Section {
        final String title;
        final String db;
        final int size;
        final boolean keycloak;
        final Map<Row, Wrk.Result> results = new EnumMap<>(Row.class);
        final Map<Row, String> missing = new EnumMap<>(Row.class);
        final List<String> startups = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        double firstStartup = -1;
        long rss = -1;
        long peak = -1;

        Section(String title, String db, int size, boolean keycloak) {
            this.title = title;
            this.db = db;
            this.size = size;
            this.keycloak = keycloak;
        }

        void add(Row row, Wrk.Result r) {
            if (r != null) {
                results.put(row, r);
            }
        }

        void unavailable(Row row, String why) {
            missing.put(row, why);
        }

        void note(String s) {
            notes.add(s);
        }

        void startup(String what, double seconds, Double spring, long rssKb) {
            if (firstStartup < 0) {
                firstStartup = seconds;
            }
            startups.add(String.format("%.2f s to the first ready answer (%s%s); RSS then %d MiB", seconds, what,
                    spring == null ? "" : String.format("; Spring Boot says started in %.2f s", spring),
                    rssKb / 1024));
        }

        void memory(long rssKb, long peakKb) {
            rss = rssKb;
            peak = peakKb;
        }
    }

    private final Options o;
    private final List<Section> sections = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<String> machine = new ArrayList<>();

    Report(Options o) {
        this.o = o;
    }

    Section section(String title, String db, int size) {
        Section s = new Section(title, db, size, false);
        sections.add(s);
        return s;
    }

    Section keycloakSection() {
        Section s = new Section("Keycloak 26.4.0 (start-dev, loopback)", "keycloak", 0, true);
        sections.add(s);
        return s;
    }

    void skipped(String why) {
        skipped.add(why);
    }

    void machine() {
        machine.add("date: " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME));
        machine.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + memTotal() + "; "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.add(String.format("load: wrk, %d thread(s), %d connections (login %d), closed loop over loopback; "
                        + "a JIT warm-up of %d s per path on each fresh server (the token rows' paths included), "
                        + "then per row %d s warm-up and %d s measured", o.threads, o.connections,
                Math.max(2, o.connections / 4), o.jitSeconds(), o.warmup, o.duration));
        machine.add("Hearth: " + (o.origin == null ? o.jar : o.origin) + (o.jvmOpts.isEmpty() ? ", JVM defaults"
                : ", JVM options " + String.join(" ", o.jvmOpts)) + (o.hearthArgs.isEmpty() ? "" : ", arguments "
                + String.join(" ", o.hearthArgs)) + "; Keycloak: kc.sh defaults (-Xms64m -Xmx512m)");
    }

    private static String memTotal() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(l.replaceAll("\\D+", ""));
                    return String.format("%.1f GiB", kb / 1048576.0);
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "? GiB";
    }

    static String size(int n) {
        return n % 1_000_000 == 0 ? n / 1_000_000 + "M" : n % 1000 == 0 ? n / 1000 + "k" : String.valueOf(n);
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Hearth bench\n\n");
        machine.forEach(m -> sb.append("- ").append(m).append('\n'));
        skipped.forEach(m -> sb.append("- ").append(m).append('\n'));
        for (Section s : sections) {
            sb.append("\n## ").append(s.title).append("\n\n");
            s.startups.forEach(x -> sb.append("- start-up: ").append(x).append('\n'));
            if (s.rss > 0) {
                sb.append(String.format("- memory after the load: RSS %d MiB (peak %d MiB)%n", s.rss / 1024,
                        s.peak / 1024));
            }
            s.notes.forEach(x -> sb.append("- ").append(x).append('\n'));
            sb.append('\n');
            table(sb, s);
            perRequest(sb, s);
        }
        growth(sb);
        versus(sb);
        return sb.toString();
    }

    private static void table(StringBuilder sb, Section s) {
        Wrk.Result ceiling = s.results.get(Row.CEILING);
        sb.append("| row | req/s | p50 ms | p99 ms | p99.9 ms | vs ceiling | CPU µs/req | vs ceiling by CPU | cores: server / db / wrk / others | errors |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
        for (Row row : Row.values()) {
            String label = s.keycloak ? row.keycloak : row.hearth;
            if (label == null) {
                continue;
            }
            Wrk.Result r = s.results.get(row);
            if (r == null) {
                if (s.missing.containsKey(row)) {
                    sb.append("| ").append(label).append(" | ").append(s.missing.get(row)).append(" | | | | | | | | |\n");
                }
                continue;
            }
            boolean first = ceiling == null || row == Row.CEILING;
            sb.append(String.format("| %s | %.0f | %.2f | %.2f | %.2f | %s | %.0f | %s | %.2f / %s / %.2f / %.2f%s | %s |%n",
                    label, r.goodRps(), r.p50(), r.p99(), r.p999(), first ? "1" : ratio(r.goodRps(), ceiling.goodRps()),
                    r.cpuUsPerRequest(), first ? "1" : ratio(ceiling.cpuUsPerRequest(), r.cpuUsPerRequest()),
                    r.serverCores(),
                    s.db.equals("postgres") ? String.format("%.2f", r.dbCores()) : "-", r.wrkCores(), r.otherCores(),
                    r.disturbed() ? " (disturbed)" : "", errors(r)));
        }
    }

    private static void perRequest(StringBuilder sb, Section s) {
        List<String> lines = new ArrayList<>();
        for (Row row : Row.values()) {
            Wrk.Result r = s.results.get(row);
            if (r != null && !r.perRequest().isEmpty()) {
                lines.add("- " + (s.keycloak ? row.keycloak : row.hearth) + ": " + r.perRequest());
            }
        }
        if (!lines.isEmpty()) {
            sb.append("\nPostgreSQL work per request (pg_stat_user_tables, pg_stat_database):\n\n");
            lines.forEach(l -> sb.append(l).append('\n'));
        }
    }

    private static String errors(Wrk.Result r) {
        String e = r.clean() ? "" : r.bad() + " bad answers, " + r.socketErrors() + " socket errors; first: "
                + r.sample().substring(0, Math.min(120, r.sample().length()));
        if (r.ranDry()) {
            e = (e.isEmpty() ? "" : e + "; ") + String.format("pool used up after %.1f s", r.durationUs() / 1e6);
        }
        return e.replace("|", "/");
    }

    private static String ratio(double a, double b) {
        return b <= 0 ? "" : String.format("%.2f", a / b);
    }

    private void growth(StringBuilder sb) {
        List<Section> hearth = sections.stream().filter(s -> !s.keycloak).toList();
        if (hearth.size() < 2) {
            return;
        }
        sb.append("\n## Growth: requests/s (p99 ms; CPU µs per request) by Installations\n\n");
        sb.append("| database | Installations | ceiling | installation API (every Installation) | the first round's "
                + "Installations only | endpoints | code exchange | refresh | introspection | start-up s |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Section s : hearth) {
            sb.append("| ").append(s.db).append(" | ").append(size(s.size));
            // in the first round itself, its installation API row
            boolean firstRound = hearth.stream().filter(x -> x.db.equals(s.db)).findFirst().orElse(null) == s;
            for (Row row : List.of(Row.CEILING, Row.INSTALLATION_API, Row.INSTALLATION_API_FIRST_ROUND, Row.ENDPOINTS,
                    Row.CODE, Row.REFRESH, Row.INTROSPECTION)) {
                Wrk.Result r = s.results.get(row == Row.INSTALLATION_API_FIRST_ROUND && firstRound
                        ? Row.INSTALLATION_API : row);
                sb.append(" | ").append(r == null ? "n/a" : String.format("%.0f (%.1f; %.0f)", r.goodRps(), r.p99(),
                        r.cpuUsPerRequest()));
            }
            sb.append(String.format(" | %.1f |%n", s.firstStartup));
        }
    }

    private void versus(StringBuilder sb) {
        Section kc = sections.stream().filter(s -> s.keycloak).findFirst().orElse(null);
        if (kc == null || kc.results.isEmpty()) {
            return;
        }
        List<Section> mains = new ArrayList<>();
        for (String db : List.of("h2", "postgres")) {
            sections.stream().filter(s -> !s.keycloak && s.db.equals(db)).findFirst().ifPresent(mains::add);
        }
        sb.append("\n## Hearth / Keycloak, same machine, same run\n\n");
        sb.append("Cells: requests/s (p99 ms; CPU µs per request, server plus its PostgreSQL backends). Ratios: "
                + "Hearth's throughput over Keycloak's, and Keycloak's CPU per request over Hearth's (above 1: Hearth "
                + "is cheaper).\n\n");
        sb.append("| row |");
        mains.forEach(m -> sb.append(" Hearth ").append(m.db).append(" |"));
        sb.append(" Keycloak |");
        mains.forEach(m -> sb.append(" Hearth ").append(m.db).append(" / Keycloak: req/s, CPU |"));
        sb.append("\n|---|");
        sb.append("---:|".repeat(2 * mains.size() + 1)).append('\n');
        compare(sb, "token: refresh_token", mains, Row.REFRESH, kc, Row.REFRESH);
        compare(sb, "introspection", mains, Row.INTROSPECTION, kc, Row.INTROSPECTION);
        compare(sb, "login (Hearth bcrypt form login vs Keycloak password grant)", mains, Row.LOGIN, kc,
                Row.PASSWORD_GRANT);
        compare(sb, "metadata document (RFC 8414 / OIDC discovery)", mains, Row.METADATA, kc, Row.CEILING);
        compare(sb, "bare ceiling (different endpoints; for scale)", mains, Row.CEILING, kc, Row.CEILING);
        sb.append("| start-up s (first ready answer) |");
        mains.forEach(m -> sb.append(String.format(" %.1f |", m.firstStartup)));
        sb.append(String.format(" %.1f |", kc.firstStartup));
        mains.forEach(m -> sb.append(" ").append(ratio(m.firstStartup, kc.firstStartup)).append(" |"));
        sb.append("\n| RSS MiB after load (peak) |");
        mains.forEach(m -> sb.append(String.format(" %d (%d) |", m.rss / 1024, m.peak / 1024)));
        sb.append(String.format(" %d (%d) |", kc.rss / 1024, kc.peak / 1024));
        mains.forEach(m -> sb.append(" ").append(ratio(m.rss, kc.rss)).append(" |"));
        sb.append('\n');
        Wrk.Result cc = kc.results.get(Row.CLIENT_CREDENTIALS);
        if (cc != null) {
            sb.append(String.format("%nKeycloak client_credentials (Hearth has no such grant): %.0f req/s, p99 %.2f ms."
                    + "%n", cc.goodRps(), cc.p99()));
        }
    }

    private static void compare(StringBuilder sb, String label, List<Section> mains, Row hearthRow, Section kc,
                                Row kcRow) {
        Wrk.Result k = kc.results.get(kcRow);
        sb.append("| ").append(label).append(" |");
        for (Section m : mains) {
            Wrk.Result h = m.results.get(hearthRow);
            sb.append(h == null ? " not available |" : String.format(" %.0f (%.1f; %.0f) |", h.goodRps(), h.p99(),
                    h.cpuUsPerRequest()));
        }
        sb.append(k == null ? " n/a |" : String.format(" %.0f (%.1f; %.0f) |", k.goodRps(), k.p99(),
                k.cpuUsPerRequest()));
        for (Section m : mains) {
            Wrk.Result h = m.results.get(hearthRow);
            sb.append(" ").append(h == null || k == null ? "n/a" : ratio(h.goodRps(), k.goodRps()) + "x, "
                    + ratio(k.cpuUsPerRequest(), h.cpuUsPerRequest()) + "x").append(" |");
        }
        sb.append('\n');
    }
}
