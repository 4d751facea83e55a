package hearth.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** bench/run: Hearth on H2 and PostgreSQL, growth, and Keycloak side by side. See bench/README.md. */
public final class Bench {
    private static final String PG_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    // One database per run: two runs on a shared machine must not drop each other's (DROP ... WITH (FORCE)).
    private static final String PG_DB = "hearth_bench_" + ProcessHandle.current().pid();

    private final Options o;
    private final Path out;
    private final Wrk wrk;
    private final Report report;
    private final String source;
    private final String tag = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
    private int logs;
    private long serverPid;

    private Bench(Options o, Path out) throws IOException {
        this.o = o;
        this.out = out;
        this.wrk = new Wrk(o.benchDir.resolve("lua/bench.lua"), out, o.threads);
        this.report = new Report(o);
        this.source = Files.readString(o.benchDir.resolve("smartapp/bench-smartapp.groovy"));
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path out = o.out != null ? o.out : o.benchDir.resolve("results")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(out);
        Bench bench = new Bench(o, out);
        bench.say("results, logs and wrk outputs: " + out);
        bench.report.machine();
        for (String db : o.dbs) {
            bench.hearth(db);
        }
        if (o.keycloak) {
            bench.keycloak();
        }
        String summary = bench.report.render();
        System.out.println();
        System.out.println(summary);
        Files.writeString(out.resolve("summary.md"), summary);
        System.exit(0);
    }

    void say(String s) {
        System.out.println("[bench " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + s);
    }

    // ---------------------------------------------------------------- Hearth

    private record Db(String name, String jdbcUrl, String user, List<String> serverArgs, Path dataDir) {
    }

    private void hearth(String dbName) throws Exception {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Db db = prepare(dbName, port);
        if (db == null) {
            return;
        }
        wrk.pgDatabase = dbName.equals("postgres") ? PG_DB : null;
        wrk.pgStats = dbName.equals("postgres") ? new PgStats("jdbc:postgresql://127.0.0.1:5432/" + PG_DB) : null;
        try {
            hearth(dbName, port, base, db);
        } finally {
            if (wrk.pgStats != null) {
                wrk.pgStats.close();
            }
            wrk.pgStats = null;
            wrk.pgDatabase = null;
        }
        if (!o.keepData) {
            drop(db);
        }
    }

    private void hearth(String dbName, int port, String base, Db db) throws Exception {
        Report.Section main = report.section("Hearth on " + label(dbName) + ", " + o.installs
                + " Installations seeded through the HTTP flow", dbName, o.installs);
        ServerProcess server = startHearth(db, port, main, "empty database");
        List<BulkSeeder.Issued> access = new ArrayList<>();
        HearthSeeder.App app;
        List<HearthSeeder.Seeded> seeded;
        boolean introspection;
        try {
            HearthSeeder seeder = new HearthSeeder(base, tag);
            long t0 = System.nanoTime();
            app = seeder.registerApp(source);
            seeded = seeder.seed(app, o.installs, 4);
            main.note(String.format("seeding: %d Accounts, Locations with %d switches each, and Installations "
                            + "(sign-up, login, authorize, consent with %d switches, code exchange) over HTTP in %.1f s",
                    o.installs, HearthSeeder.DEVICES_PER_LOCATION, HearthSeeder.CHOSEN, (System.nanoTime() - t0) / 1e9));
            // The first Installation proves refresh-token reuse detection, which revokes its grant:
            // its access token is left out of the load.
            check(base, seeded.get(0), app);
            for (HearthSeeder.Seeded s : seeded.subList(1, seeded.size())) {
                access.add(new BulkSeeder.Issued(s.accessToken(), s.installationId()));
            }
            introspection = probeIntrospection(base, app, seeded.get(1).accessToken());
            main.note(introspection ? "introspection: POST /oauth/introspect answers active for a live token"
                    : "introspection: not available (POST /oauth/introspect does not answer 200 with \"active\":true)");
        } finally {
            server.close();
        }
        String bcrypt;
        List<BulkSeeder.Inst> installs;
        Pools pools;
        try (BulkSeeder bulk = new BulkSeeder(db.jdbcUrl(), db.user(), "")) {
            BulkSeeder.Template template = bulk.template(app.clientId());
            bcrypt = bcryptCost(template.passwordHash());
            installs = bulk.installations(template.smartAppId());
            pools = pools(bulk, template, installs);
            bulk.analyze();
        }
        main.note("login: passwords are hashed with " + bcrypt);
        // The first round's calls; growth sends them again in each grown database (the same traffic over
        // more data, where its installation API row calls every Installation).
        Path firstRound = write("install-" + dbName, installLines(access));
        server = startHearth(db, port, main, "seeded");
        try {
            prime(main, base, access.get(0));
            List<String> sessions = new HearthSeeder(base, tag).loginSessions(seeded,
                    Math.max(200, 40 * (o.warmup + o.duration)), 8);
            int half = sessions.size() * o.warmup / (o.warmup + o.duration);
            Path warmSessions = write("login-warm", sessions.subList(0, half));
            Path sessionFile = write("login", sessions.subList(half, sessions.size()));
            Path accessFile = write("access-" + dbName, tokensOnly(access));
            rows(main, base, app, firstRound, accessFile, pools, introspection, true);
            int lc = Math.max(2, o.connections / 4);
            main.add(Report.Row.LOGIN, measure(Report.Row.LOGIN, "login " + dbName, new Wrk.Load(base + "/login", "login", 302,
                    warmSessions, null, lc, "60s", null), new Wrk.Load(base + "/login", "login", 302, sessionFile,
                    null, lc, "60s", null)));
            main.memory(server.rssKb(), server.peakRssKb());
        } finally {
            server.close();
        }
        // Growth: bulk rows, then the installation API and the token figures again.
        int total = installs.size();
        for (int size : o.sizes) {
            if (size <= total) {
                continue;
            }
            if (dbName.equals("h2") && size > o.h2MaxSize) {
                // H2's file grew past 13 GB and took over 5 minutes for 100k Installations of bulk rows
                say("growth: H2 stops at " + Report.size(o.h2MaxSize) + " Installations (--h2-max-size); "
                        + Report.size(size) + " is PostgreSQL's");
                break;
            }
            Report.Section g = report.section("Hearth on " + label(dbName) + ", growth: " + Report.size(size)
                    + " Installations", dbName, size);
            try (BulkSeeder bulk = new BulkSeeder(db.jdbcUrl(), db.user(), "")) {
                BulkSeeder.Template template = bulk.template(app.clientId());
                long t0 = System.nanoTime();
                access.addAll(bulk.addInstallations(template, size - total, tag + "-" + size, 10));
                installs = bulk.installations(template.smartAppId());
                pools = pools(bulk, template, installs);
                bulk.analyze();
                g.note(String.format("bulk SQL: %d more Installations (each its own Account, Location, 10 switches, "
                                + "grant, access and refresh token) in %.1f s; the database now holds %d devices, "
                                + "%d tokens", size - total, (System.nanoTime() - t0) / 1e9, bulk.count("device"),
                        bulk.count("oauth_token")));
                total = installs.size();
            }
            server = startHearth(db, port, g, "with " + Report.size(size) + " Installations");
            try {
                prime(g, base, access.get(access.size() - 1));
                List<BulkSeeder.Issued> shuffled = new ArrayList<>(access);
                Collections.shuffle(shuffled, new Random(size));
                rows(g, base, app, write("install-" + dbName + "-" + size, installLines(shuffled)),
                        write("access-" + dbName + "-" + size, tokensOnly(shuffled)), pools, introspection, false);
                g.add(Report.Row.INSTALLATION_API_FIRST_ROUND, measure(Report.Row.INSTALLATION_API_FIRST_ROUND,
                        "installation-api-first-round " + dbName + "-" + size, new Wrk.Load(base + "/", "bearer", 200,
                                firstRound, null, o.connections, "10s", null), null));
                g.memory(server.rssKb(), server.peakRssKb());
            } finally {
                server.close();
            }
        }
    }

    /** The rows every round has: ceiling, installation API, endpoints, token endpoint, introspection. */
    private void rows(Report.Section s, String base, HearthSeeder.App app, Path installFile, Path accessFile,
                      Pools pools, boolean introspection, boolean staticRow) throws Exception {
        int c = o.connections;
        String db = s.db + "-" + s.size;
        // A fresh JVM: the first rows would otherwise pay for the JIT compiling the shared code
        // (filters, MVC, JDBC), and the ceiling, measured first, would look lower than it is. The
        // token endpoint's paths too: with only their row's 3 s warm-up, the code exchange and refresh
        // rows measured mostly the JIT (issue 15: 2845 and 2326 CPU us/req, 1379 and 1362 with 20 s).
        String token = base + "/oauth/token";
        Path refreshPool = pools.refresh;
        int jit = o.jitSeconds();
        if (jit > 0) {
            say("warming up the JIT, " + jit + " s each: /actuator/health, installation API, endpoints, "
                    + (introspection ? "introspection, " : "") + "code exchange, refresh (not counted)");
            warm("jit warm-up health " + db, Wrk.Load.get(base + "/actuator/health", c), jit);
            warm("jit warm-up installation-api " + db, new Wrk.Load(base + "/", "bearer", 200, installFile, null, c,
                    "10s", null), jit);
            warm("jit warm-up endpoints " + db, new Wrk.Load(base + "/api/smartapps/endpoints", "bearer", 200,
                    accessFile, null, c, "10s", null), jit);
            if (introspection) {
                warm("jit warm-up introspection " + db, new Wrk.Load(base + "/oauth/introspect", "introspect", 200,
                        accessFile, app.basic(), c, "10s", null), jit);
            }
            warm("jit warm-up code-exchange " + db, new Wrk.Load(token, "code", 200, pools.codesJit,
                    app.basic() + "|" + HearthSeeder.REDIRECT_URI, c, "10s", null), jit);
            // The rotation chains go on from where the warm-up left them (each token works once).
            refreshPool = out.resolve("pool-refresh-jit-" + db + ".txt");
            warm("jit warm-up refresh " + db, new Wrk.Load(token, "refresh", 200, pools.refresh, app.basic(), c,
                    "10s", refreshPool), jit);
        }
        Wrk.Result full = measure(Report.Row.INSTALLATION_API, "installation-api " + db, new Wrk.Load(base + "/",
                "bearer", 200, installFile, null, c, "10s", null), null);
        s.add(Report.Row.INSTALLATION_API, full);
        // The issue's latency goal is at half the load the server carries: each connection waits after an answer
        // so that all of them together send about half the requests/s measured above (wrk's delay(); closed
        // loop, so the figure is the latency of a server at about half load, not of a queue).
        if (full != null && full.rps() > 0) {
            // A connection's turn at half load is 2c/R; about 1 ms of it is the answer itself at that load.
            long pace = Math.max(1, Math.round(2000.0 * c / full.rps()) - 1);
            s.add(Report.Row.INSTALLATION_API_HALF, measure(Report.Row.INSTALLATION_API_HALF,
                    "installation-api-half " + db, new Wrk.Load(base + "/", "bearer", 200, installFile,
                            "pace=" + pace, c, "10s", null), null));
        }
        // The same calls with one log.debug line each, through the app log's queue and writer (issue 12).
        Path loggedFile = out.resolve(installFile.getFileName().toString().replace(".txt", "-logged.txt"));
        Files.write(loggedFile, Files.readAllLines(installFile).stream().map(l -> l.replace("/devices\t",
                "/devices/logged\t")).toList());
        s.add(Report.Row.INSTALLATION_API_LOGGED, measure(Report.Row.INSTALLATION_API_LOGGED,
                "installation-api-logged " + db, new Wrk.Load(base + "/", "bearer", 200, loggedFile, null, c, "10s",
                null), null));
        s.add(Report.Row.ENDPOINTS, measure(Report.Row.ENDPOINTS, "endpoints " + db, new Wrk.Load(base + "/api/smartapps/endpoints",
                "bearer", 200, accessFile, null, c, "10s", null), null));
        s.add(Report.Row.CODE, measure(Report.Row.CODE, "code-exchange " + db, new Wrk.Load(token, "code", 200, pools.codesWarm,
                app.basic() + "|" + HearthSeeder.REDIRECT_URI, c, "10s", null), new Wrk.Load(token, "code", 200,
                pools.codes, app.basic() + "|" + HearthSeeder.REDIRECT_URI, c, "10s", null)));
        Path rotated = out.resolve("pool-refresh-rotated-" + db + ".txt");
        Path rotated2 = out.resolve("pool-refresh-rotated2-" + db + ".txt");
        s.add(Report.Row.REFRESH, measure(Report.Row.REFRESH, "refresh " + db, new Wrk.Load(token, "refresh", 200, refreshPool,
                app.basic(), c, "10s", rotated), new Wrk.Load(token, "refresh", 200, rotated, app.basic(), c, "10s",
                rotated2)));
        if (introspection) {
            s.add(Report.Row.INTROSPECTION, measure(Report.Row.INTROSPECTION, "introspection " + db, new Wrk.Load(base + "/oauth/introspect",
                    "introspect", 200, accessFile, app.basic(), c, "10s", null), null));
        } else {
            s.unavailable(Report.Row.INTROSPECTION, "not available: /oauth/introspect does not exist in this build");
        }
        // The ceiling and the other bare rows last: by now the JIT has compiled the shared code, and
        // its compiler threads (whose CPU counts as the server's) are idle. Measured first, the
        // ceiling paid for them and looked up to twice as expensive.
        s.add(Report.Row.CEILING, measure(Report.Row.CEILING, "health " + db, Wrk.Load.get(base + "/actuator/health",
                c), null));
        s.add(Report.Row.LIVENESS, measure(Report.Row.LIVENESS, "liveness " + db, Wrk.Load.get(base
                + "/actuator/health/liveness", c), null));
        if (staticRow) {
            s.add(Report.Row.METADATA, measure(Report.Row.METADATA, "metadata " + db, Wrk.Load.get(base
                    + "/.well-known/oauth-authorization-server", c), null));
            s.add(Report.Row.STATIC, measure(Report.Row.STATIC, "css " + db, Wrk.Load.get(base + "/hearth.css", c), null));
        }
    }

    /**
     * A JIT warm-up run (not counted); its CPU per request is printed, so the log shows whether the
     * warm-up was long enough: the row's figure should be close to the warm-up's.
     */
    private void warm(String label, Wrk.Load load, int seconds) throws Exception {
        Wrk.Result r = wrk.run(label, load, seconds, serverPid);
        say(String.format("%-40s %9.0f req/s  %6.0f CPU us/req  (not counted)%s", label, r.rps(), r.cpuUsPerRequest(),
                r.clean() ? "" : "  (" + r.bad() + " bad answers, " + r.socketErrors() + " socket errors: "
                        + r.sample() + ")"));
    }

    private boolean want(Report.Row row) {
        return o.rows == null || o.rows.contains(row.name().toLowerCase().replace('_', '-'));
    }

    /** Warm-up (not counted), then the measurement; {@code measured} null means the same load again. */
    private Wrk.Result measure(Report.Row row, String label, Wrk.Load warm, Wrk.Load measured) throws Exception {
        if (!want(row)) {
            return null;
        }
        waitForQuiet();
        if (o.warmup > 0) {
            wrk.run(label + " warmup", warm, o.warmup, serverPid);
        }
        Wrk.Result r = wrk.run(label, measured == null ? warm : measured, o.duration, serverPid, true);
        say(String.format("%-32s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  p99.9 %7.2f ms  %6.0f CPU us/req  cores: "
                        + "server %.2f db %.2f wrk %.2f other %.2f%s", label, r.rps(), r.p50(), r.p99(), r.p999(),
                r.cpuUsPerRequest(), r.serverCores(),
                r.dbCores(), r.wrkCores(), r.otherCores(), r.clean() ? "" : "  (" + r.bad() + " bad answers, "
                        + r.socketErrors() + " socket errors: " + r.sample() + ")"));
        if (!r.perRequest().isEmpty()) {
            say("    database work per request: " + r.perRequest());
        }
        return r;
    }

    /**
     * This machine may be shared (builds, other tests), and a row's load leaves work behind it: after
     * the token rows' writes, PostgreSQL's autovacuum and H2's chunk compaction (in the server's own
     * process) ran into the next row and cost it up to 40% more CPU per request (issue 15). So before
     * a row, wait up to --quiet-wait seconds for the whole machine, the idle server included, to use
     * less than a quarter of a core. Each row reports what the others used while it was measured
     * either way.
     */
    private void waitForQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + o.quietWait * 1_000_000_000L;
        double busy = Cpu.machineOver(1000);
        boolean said = false;
        while (busy > 0.25 && System.nanoTime() < deadline) {
            if (!said) {
                say(String.format("the machine keeps %.2f cores busy between rows (the server's own background "
                        + "work included); waiting up to %d s for quiet", busy, o.quietWait));
                said = true;
            }
            busy = Cpu.machineOver(2000);
        }
    }

    private record Pools(Path codesJit, Path codesWarm, Path codes, Path refresh) {
    }

    /** Codes for the code-exchange row (each works once) and refresh tokens (each starts a rotation chain). */
    private Pools pools(BulkSeeder bulk, BulkSeeder.Template template, List<BulkSeeder.Inst> installs)
            throws Exception {
        // Enough codes for 4000 exchanges/s over the warm-up and the measurement; the row stops early
        // (and says so) when they run out.
        int jit = 4000 * o.jitSeconds();
        int warm = 4000 * Math.max(1, o.warmup);
        int measured = 4000 * o.duration;
        List<String> codes = tokensOnly(bulk.issue(template, installs, jit + warm + measured, BulkSeeder.Kind.CODE));
        List<String> refresh = tokensOnly(bulk.issue(template, installs, Math.max(64, 4 * o.connections),
                BulkSeeder.Kind.REFRESH));
        return new Pools(write("codes-jit", codes.subList(0, jit)), write("codes-warm", codes.subList(jit, jit + warm)),
                write("codes", codes.subList(jit + warm, codes.size())), write("refresh", refresh));
    }

    private ServerProcess startHearth(Db db, int port, Report.Section section, String what) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("java"));
        cmd.addAll(o.jvmOpts);
        if (o.profile) {
            cmd.add("-XX:StartFlightRecording=settings=profile,filename=" + out.resolve(String.format(
                    "hearth-%s-%02d.jfr", db.name(), logs + 1)));
        }
        cmd.addAll(List.of("-jar", o.jar.toString(), "--server.port=" + port,
                "--server.address=127.0.0.1", "--hearth.data-dir=" + db.dataDir(), "--hearth.demo.enabled=false",
                // the classic per-Installation limit (250 calls a minute) would make the installation API
                // row measure 429 answers: the bench measures throughput, so the limit is lifted
                "--hearth.rate-limit.executions=1000000000"));
        cmd.addAll(db.serverArgs());
        cmd.addAll(o.hearthArgs);
        Path log = out.resolve(String.format("hearth-%s-%02d.log", db.name(), ++logs));
        ServerProcess p = ServerProcess.start("hearth", cmd, Map.of(), log,
                "http://127.0.0.1:" + port + "/actuator/health", Duration.ofSeconds(180));
        serverPid = p.pid();
        Thread.sleep(300);
        section.startup(what, p.startupSeconds, springStartup(log), p.rssKb());
        say(String.format("Hearth (%s) ready in %.2f s (%s), RSS %d MiB", db.name(), p.startupSeconds, what,
                p.rssKb() / 1024));
        return p;
    }

    private static Double springStartup(Path log) {
        try {
            Matcher m = Pattern.compile("Started \\w+ in ([0-9.]+) seconds").matcher(Files.readString(log));
            return m.find() ? Double.parseDouble(m.group(1)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Db prepare(String name, int port) throws Exception {
        if (name.equals("h2")) {
            Path dir = o.benchDir.resolve(".cache/data-" + tag);
            Files.createDirectories(dir);
            return new Db("h2", "jdbc:h2:file:" + dir.toAbsolutePath() + "/hearth", "hearth", List.of(), dir);
        }
        try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + PG_DB + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + PG_DB);
        } catch (java.sql.SQLException e) {
            say("PostgreSQL at 127.0.0.1:5432 is not reachable (" + e.getMessage() + "); skipping it");
            report.skipped("Hearth on PostgreSQL skipped: " + e.getMessage());
            return null;
        }
        String url = "jdbc:postgresql://127.0.0.1:5432/" + PG_DB;
        Path dir = o.benchDir.resolve(".cache/data-" + tag + "-pg");
        Files.createDirectories(dir);
        return new Db("postgres", url + "?reWriteBatchedInserts=true", "postgres", List.of(
                "--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--hearth.signup.enabled=true"), dir);
    }

    private void drop(Db db) {
        try {
            if (db.name().equals("postgres")) {
                try (Connection c = DriverManager.getConnection(PG_ADMIN_URL, "postgres", "");
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + PG_DB + " WITH (FORCE)");
                }
            }
            try (var walk = Files.walk(db.dataDir())) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (Exception e) {
            say("could not remove the data of " + db.name() + ": " + e.getMessage());
        }
    }

    /** The flow works end to end before anything is measured: the handler lists ten devices; refresh rotates. */
    private void check(String base, HearthSeeder.Seeded s, HearthSeeder.App app) {
        Http http = new Http(base);
        HttpResponse<String> r = http.get("/api/smartapps/installations/" + s.installationId() + "/devices",
                "Authorization", "Bearer " + s.accessToken());
        Http.expect(r, 200, "installation API GET /devices");
        JsonNode list = Http.json(r);
        if (list.size() != HearthSeeder.CHOSEN || list.get(0).get("value") == null) {
            throw new IllegalStateException("GET /devices should list " + HearthSeeder.CHOSEN + " devices with "
                    + "their value: " + r.body());
        }
        HttpResponse<String> refreshed = http.postForm("/oauth/token", Map.of("grant_type", "refresh_token",
                "refresh_token", s.refreshToken()), "Authorization", app.basic());
        Http.expect(refreshed, 200, "refresh");
        HttpResponse<String> replay = http.postForm("/oauth/token", Map.of("grant_type", "refresh_token",
                "refresh_token", s.refreshToken()), "Authorization", app.basic());
        // Single use: a replay is refused, or (within hearth.oauth.refresh-grace, for an answer that
        // got lost) answered with the same successor pair again, never a new one.
        boolean sameAnswer = replay.statusCode() == 200 && Http.json(replay).path("refresh_token").asText()
                .equals(Http.json(refreshed).path("refresh_token").asText());
        if (replay.statusCode() != 400 && !sameAnswer) {
            throw new IllegalStateException("a refresh token worked twice: " + replay.statusCode());
        }
    }

    /** The first call after a start compiles the SmartApp (the engine caches it per process): timed here. */
    private void prime(Report.Section s, String base, BulkSeeder.Issued token) {
        Http http = new Http(base);
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.get("/api/smartapps/installations/" + token.installationId() + "/devices",
                "Authorization", "Bearer " + token.token());
        double first = (System.nanoTime() - t0) / 1e6;
        Http.expect(r, 200, "first installation API call");
        t0 = System.nanoTime();
        http.get("/api/smartapps/installations/" + token.installationId() + "/devices", "Authorization",
                "Bearer " + token.token());
        double second = (System.nanoTime() - t0) / 1e6;
        s.note(String.format("first installation API call after the start: %.0f ms (compiles the SmartApp), "
                + "the second: %.1f ms", first, second));
    }

    private boolean probeIntrospection(String base, HearthSeeder.App app, String access) {
        HttpResponse<String> r = new Http(base).postForm("/oauth/introspect", Map.of("token", access),
                "Authorization", app.basic());
        return r.statusCode() == 200 && r.body().replace(" ", "").contains("\"active\":true");
    }

    private static String bcryptCost(String hash) {
        Matcher m = Pattern.compile("^(\\{\\w+\\})?\\$(2[abxy]?)\\$(\\d+)\\$").matcher(hash);
        return m.find() ? "bcrypt (" + (m.group(1) == null ? "" : m.group(1) + " ") + "$" + m.group(2) + "$), cost "
                + Integer.parseInt(m.group(3)) + " (2^" + Integer.parseInt(m.group(3)) + " rounds)"
                : "an unrecognised hash: " + hash.substring(0, Math.min(12, hash.length())) + "...";
    }

    // ---------------------------------------------------------------- Keycloak

    private void keycloak() throws Exception {
        Path home = o.benchDir.resolve(".cache/keycloak-26.4.0");
        Report.Section s = report.keycloakSection();
        if (!Files.exists(home.resolve("bin/kc.sh"))) {
            say("Keycloak is not in " + home + "; bench/run downloads it");
            report.skipped("Keycloak skipped: not found in " + home);
            return;
        }
        int port = freePort();
        Keycloak kc = Keycloak.start(home, port, freePort(), out.resolve("keycloak.log"));
        serverPid = kc.process.pid();
        try {
            say(String.format("Keycloak ready in %.1f s, RSS %d MiB", kc.process.startupSeconds,
                    kc.process.rssKb() / 1024));
            s.startup("dev mode, fresh dev-file database", kc.process.startupSeconds, null, kc.process.rssKb());
            kc.configure();
            List<JsonNode> grants = kc.passwordGrants(Math.max(64, 4 * o.connections));
            List<String> refresh = new ArrayList<>();
            List<String> access = new ArrayList<>();
            grants.forEach(g -> {
                refresh.add(g.get("refresh_token").asText());
                access.add(g.get("access_token").asText());
            });
            if (!kc.introspects(access.get(0))) {
                throw new IllegalStateException("Keycloak's introspection does not answer active");
            }
            s.note("realm '" + Keycloak.REALM + "', confidential client with a secret, one user; Keycloak's default "
                    + "password hashing (pbkdf2-sha512, 210000 iterations in 26.x); access tokens are signed JWTs "
                    + "(RS256) that introspection verifies and checks against the user session");
            int c = o.connections;
            Path pool = write("kc-refresh", refresh);
            // The same JIT warm-up as Hearth's, as long per path: introspection, client_credentials, refresh.
            int jit = o.jitSeconds();
            if (jit > 0) {
                say("warming up Keycloak's JIT, " + jit + " s each: introspection, client_credentials, refresh "
                        + "(not counted)");
                warm("jit warm-up keycloak introspection", new Wrk.Load(kc.introspectUrl(), "introspect", 200,
                        write("kc-access-warm", access), kc.clientBasic(), c, "10s", null), jit);
                warm("jit warm-up keycloak client_credentials", new Wrk.Load(kc.tokenUrl(), "form", 200, null,
                        kc.clientBasic() + "|grant_type=client_credentials", c, "10s", null), jit);
                Path jitRotated = out.resolve("pool-kc-refresh-jit.txt");
                warm("jit warm-up keycloak refresh", new Wrk.Load(kc.tokenUrl(), "refresh", 200, pool,
                        kc.clientBasic(), c, "10s", jitRotated), jit);
                pool = jitRotated;
            }
            Path rotated = out.resolve("pool-kc-refresh-rotated.txt");
            s.add(Report.Row.REFRESH, measure(Report.Row.REFRESH, "keycloak refresh", new Wrk.Load(kc.tokenUrl(), "refresh", 200, pool,
                    kc.clientBasic(), c, "10s", rotated), new Wrk.Load(kc.tokenUrl(), "refresh", 200, rotated,
                    kc.clientBasic(), c, "10s", out.resolve("pool-kc-refresh-rotated2.txt"))));
            // Introspection tokens live 5 minutes in Keycloak's default realm: take fresh ones.
            List<String> fresh = new ArrayList<>();
            kc.passwordGrants(Math.max(16, o.connections)).forEach(g -> fresh.add(g.get("access_token").asText()));
            s.add(Report.Row.INTROSPECTION, measure(Report.Row.INTROSPECTION, "keycloak introspection", new Wrk.Load(kc.introspectUrl(),
                    "introspect", 200, write("kc-access", fresh), kc.clientBasic(), c, "10s", null), null));
            s.add(Report.Row.CLIENT_CREDENTIALS, measure(Report.Row.CLIENT_CREDENTIALS, "keycloak client_credentials", new Wrk.Load(kc.tokenUrl(),
                    "form", 200, null, kc.clientBasic() + "|grant_type=client_credentials", c, "10s", null), null));
            s.add(Report.Row.PASSWORD_GRANT, measure(Report.Row.PASSWORD_GRANT, "keycloak password grant", new Wrk.Load(kc.tokenUrl(), "form",
                    200, null, kc.clientBasic() + "|grant_type=password&username=" + Keycloak.USER + "&password="
                    + Http.encode(Keycloak.PASSWORD), Math.max(2, c / 4), "60s", null), null));
            s.add(Report.Row.CEILING, measure(Report.Row.CEILING, "keycloak openid-configuration", Wrk.Load.get(kc.base + "/realms/"
                    + Keycloak.REALM + "/.well-known/openid-configuration", c), null));
            s.memory(kc.process.rssKb(), kc.process.peakRssKb());
        } finally {
            kc.process.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String label(String db) {
        return db.equals("h2") ? "H2 (embedded)" : "PostgreSQL";
    }

    private Path write(String name, List<String> lines) throws IOException {
        Path p = out.resolve("pool-" + name + ".txt");
        Files.write(p, lines);
        return p;
    }

    private static List<String> tokensOnly(List<BulkSeeder.Issued> issued) {
        return issued.stream().map(BulkSeeder.Issued::token).toList();
    }

    private static List<String> installLines(List<BulkSeeder.Issued> issued) {
        return issued.stream().map(i -> "/api/smartapps/installations/" + i.installationId() + "/devices\t"
                + i.token()).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
