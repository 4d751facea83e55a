package hearth.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** bench/run's flags; see {@link #USAGE}. */
final class Options {
    static final String USAGE = """
            bench/run [flags]            (every flag is optional; the default run takes about 13 minutes on 2 cores)
              --db h2,postgres           databases to run Hearth on, in order (default: both)
              --installs N               Installations seeded through the real HTTP flow: sign-up, login,
                                         authorize, consent, code exchange (default 32)
              --sizes 1k[,10k,100k]      growth: total Installations (bulk SQL rows, each with its own
                                         Account, Location and 10 devices) to measure at (default 1k;
                                         100k means 1M devices; 'none' skips growth)
              --h2-max-size N            the largest growth size run on H2 (default 10k: 100k Installations of
                                         bulk rows make a 13 GB H2 file and take minutes)
              --duration S               seconds each row is measured (default 5)
              --warmup S                 seconds of load before each measurement, not counted (default 3)
              --jit-warmup S             seconds of load on each path of a fresh JVM before its first row, not
                                         counted: Hearth's health, installation API, endpoints, introspection,
                                         code exchange and refresh; Keycloak's refresh, introspection and
                                         client_credentials (default 10, at least --warmup; 0: none)
              --connections C            concurrent connections of wrk (default 16; login uses C/4)
              --threads T                wrk threads (default 1: wrk shares the 2 cores with the server)
              --keycloak / --no-keycloak run Keycloak 26.4.0 side by side (default on)
              --jar PATH                 Hearth jar to run (default: built from the committed HEAD)
              --out DIR                  where logs, wrk outputs and summary.md go (default bench/results/<time>)
              --keep-data                keep the H2 files and the PostgreSQL database afterwards
              --rows a,b                 only these rows: ceiling, liveness, metadata, static, installation-api,
                                         installation-api-half, installation-api-first-round,
                                         installation-api-logged, endpoints, code, refresh, introspection, login,
                                         client-credentials, password-grant
              --jvm-opts "..."           JVM options for Hearth, e.g. "-Xmx512m" (Keycloak's kc.sh runs with
                                         -Xms64m -Xmx512m; bench/run gives Hearth packaging/jvm.options's
                                         and the class-data-sharing archive, as ./hearth start, then these)
              --hearth-args "..."        more Spring arguments for Hearth, to try a setting, e.g.
                                         "--management.observations.enable.spring.security=false"
              --profile                  record each Hearth process with Java Flight Recorder (hearth-*.jfr in
                                         the output folder; bench/jfr-top summarises one); figures are then a
                                         little lower
              --quiet-wait S             before each row, wait up to S s for other processes to leave the
                                         cores alone (default 10); each row reports what they used anyway
            """;

    List<String> dbs = new ArrayList<>(List.of("h2", "postgres"));
    int installs = 32;
    List<Integer> sizes = new ArrayList<>(List.of(1000));
    int duration = 5;
    int warmup = 3;
    int jitWarmup = 10;
    int connections = 16;
    int threads = 1;
    boolean keycloak = true;
    Path jar;
    /** What the jar was built from (bench/run: the commit), for the report. */
    String origin;
    Path out;
    Path benchDir;
    boolean keepData;
    int quietWait = 10;
    boolean profile;
    int h2MaxSize = 10_000;
    List<String> jvmOpts = new ArrayList<>();
    List<String> hearthArgs = new ArrayList<>();
    /** Rows to measure (Report.Row names, lower case with '-'), or null for all. */
    java.util.Set<String> rows;

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--db" -> { o.dbs = List.of(need(a, v).split(",")); i++; }
                case "--installs" -> { o.installs = Integer.parseInt(need(a, v)); i++; }
                case "--sizes" -> { o.sizes = sizes(need(a, v)); i++; }
                case "--duration" -> { o.duration = Integer.parseInt(need(a, v)); i++; }
                case "--warmup" -> { o.warmup = Integer.parseInt(need(a, v)); i++; }
                case "--jit-warmup" -> { o.jitWarmup = Integer.parseInt(need(a, v)); i++; }
                case "--connections" -> { o.connections = Integer.parseInt(need(a, v)); i++; }
                case "--threads" -> { o.threads = Integer.parseInt(need(a, v)); i++; }
                case "--keycloak" -> o.keycloak = true;
                case "--no-keycloak" -> o.keycloak = false;
                case "--jar" -> { o.jar = Path.of(need(a, v)); i++; }
                case "--out" -> { o.out = Path.of(need(a, v)); i++; }
                case "--origin" -> { o.origin = need(a, v); i++; }
                case "--bench-dir" -> { o.benchDir = Path.of(need(a, v)); i++; }
                case "--keep-data" -> o.keepData = true;
                case "--profile" -> o.profile = true;
                case "--h2-max-size" -> { o.h2MaxSize = sizes(need(a, v)).get(0); i++; }
                case "--hearth-args" -> { o.hearthArgs = List.of(need(a, v).trim().split("\\s+")); i++; }
                case "--jvm-opts" -> { o.jvmOpts = List.of(need(a, v).trim().split("\\s+")); i++; }
                case "--rows" -> { o.rows = java.util.Set.of(need(a, v).split(",")); i++; }
                case "--quiet-wait" -> { o.quietWait = Integer.parseInt(need(a, v)); i++; }
                case "-h", "--help" -> { System.out.print(USAGE); System.exit(0); }
                default -> throw new IllegalArgumentException("unknown flag " + a + "\n" + USAGE);
            }
        }
        for (String db : o.dbs) {
            if (!db.equals("h2") && !db.equals("postgres")) {
                throw new IllegalArgumentException("--db takes h2 and/or postgres, not " + db);
            }
        }
        if (o.installs < 2) {
            throw new IllegalArgumentException("--installs must be at least 2");
        }
        if (o.jar == null || o.benchDir == null) {
            throw new IllegalArgumentException("--jar and --bench-dir are set by bench/run");
        }
        return o;
    }

    /** Seconds of the JIT warm-up on each path of a fresh server, 0 for none. */
    int jitSeconds() {
        return jitWarmup <= 0 ? 0 : Math.max(jitWarmup, warmup);
    }

    private static String need(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
        }
        return value;
    }

    private static List<Integer> sizes(String s) {
        List<Integer> out = new ArrayList<>();
        if (s.equals("none")) {
            return out;
        }
        for (String part : s.split(",")) {
            String p = part.trim().toLowerCase();
            int mult = 1;
            if (p.endsWith("k")) {
                mult = 1000;
                p = p.substring(0, p.length() - 1);
            } else if (p.endsWith("m")) {
                mult = 1_000_000;
                p = p.substring(0, p.length() - 1);
            }
            out.add(Integer.parseInt(p) * mult);
        }
        out.sort(Integer::compare);
        return out;
    }
}
