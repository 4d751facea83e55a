package hearth.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs wrk with bench/lua/bench.lua and reads the one JSON line its done() prints. */
final class Wrk {
    private final Path script;
    private final Path logDir;
    private final int threads;
    private int runs;

    Wrk(Path script, Path logDir, int threads) {
        this.script = script;
        this.logDir = logDir;
        this.threads = threads;
    }

    /**
     * bench.lua, or for a paced load ({@code arg} "pace=MS") a copy with wrk's {@code delay()} hook: wrk
     * waits for timers on every request of a script that defines it, so only paced rows get it.
     */
    private Path scriptFor(Load load) throws IOException {
        if (load.arg() == null || !load.arg().startsWith("pace=")) {
            return script;
        }
        Path paced = logDir.resolve("bench-paced.lua");
        if (!Files.exists(paced)) {
            Files.writeString(paced, Files.readString(script)
                    + "\n-- paced rows only (Wrk.scriptFor): wait this long after each answer\n"
                    + "function delay()\n   return pace\nend\n");
        }
        return paced;
    }

    /** What one row asks of wrk. */
    record Load(String url, String mode, int expect, Path file, String arg, int connections, String timeout,
                Path poolOut) {
        static Load get(String url, int connections) {
            return new Load(url, "get", 200, null, null, connections, "5s", null);
        }
    }

    /** The database being measured: PostgreSQL's name for CPU and counters, or null (H2 runs in the server). */
    String pgDatabase;
    PgStats pgStats;

    Result run(String label, Load load, int seconds, long serverPid) throws IOException, InterruptedException {
        return run(label, load, seconds, serverPid, false);
    }

    Result run(String label, Load load, int seconds, long serverPid, boolean counters)
            throws IOException, InterruptedException {
        Map<String, Long> before = null;
        if (counters && pgStats != null) {
            Thread.sleep(1200);
            try {
                before = pgStats.snapshot();
            } catch (java.sql.SQLException e) {
                before = null;
            }
        }
        int c = Math.max(load.connections(), threads);
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t", String.valueOf(threads), "-c", String.valueOf(c),
                "-d", seconds + "s", "--timeout", load.timeout(), "--latency", "-s", scriptFor(load).toString(), load.url(),
                "--", load.mode(), String.valueOf(load.expect()),
                load.file() == null ? "-" : load.file().toString(),
                load.arg() == null ? "-" : load.arg(), String.valueOf(threads),
                load.poolOut() == null ? "-" : load.poolOut().toString()));
        long m0 = Cpu.machineBusy();
        long s0 = Cpu.process(serverPid);
        long d0 = Cpu.postgres(pgDatabase);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        // wrk's own CPU: sampled while it runs (its /proc entry is gone once it has exited)
        long[] wrkTicks = {0};
        Thread sampler = new Thread(() -> {
            while (p.isAlive()) {
                long t = Cpu.single(p.pid());
                if (t > 0) {
                    wrkTicks[0] = t;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        sampler.join(1000);
        double wall = (System.nanoTime() - t0) / 1e9;
        long machine = Cpu.machineBusy() - m0;
        long server = Cpu.process(serverPid) - s0;
        long database = Cpu.postgres(pgDatabase) - d0;
        double serverCores = Cpu.cores(server, wall);
        double dbCores = Cpu.cores(database, wall);
        double wrkCores = Cpu.cores(wrkTicks[0], wall);
        double otherCores = Math.max(0, Cpu.cores(machine - server - database - wrkTicks[0], wall));
        Path log = logDir.resolve(String.format("wrk-%03d-%s.txt", ++runs, label.replaceAll("[^A-Za-z0-9]+", "-")));
        Files.writeString(log, String.join(" ", cmd).replaceAll("Basic \\S+", "Basic ***") + "\n\n" + out);
        int at = out.indexOf("BENCH-RESULT ");
        if (at < 0) {
            throw new IllegalStateException("wrk printed no result for " + label + " (see " + log + "):\n" + out);
        }
        String line = out.substring(at + "BENCH-RESULT ".length()).lines().findFirst().orElseThrow();
        JsonNode j = Http.JSON.readTree(line);
        String perRequest = "";
        if (before != null) {
            Thread.sleep(1200);
            try {
                perRequest = PgStats.perRequest(before, pgStats.snapshot(), j.get("requests").asLong());
            } catch (java.sql.SQLException e) {
                perRequest = "";
            }
        }
        long errors = j.get("connect_errors").asLong() + j.get("read_errors").asLong() + j.get("write_errors").asLong()
                + j.get("timeouts").asLong();
        return new Result(label, j.get("requests").asLong(), j.get("duration_us").asLong(),
                j.get("p50_us").asLong() / 1000.0, j.get("p99_us").asLong() / 1000.0, j.get("p999_us").asLong() / 1000.0,
                j.get("bad").asLong(), errors, j.get("empty").asLong() > 0, j.get("sample").asText(), c,
                serverCores, dbCores, wrkCores, otherCores, perRequest, server * 10.0, database * 10.0);
    }

    /** One measured row. Latencies in milliseconds. */
    record Result(String label, long requests, long durationUs, double p50, double p99, double p999, long bad,
                  long socketErrors, boolean ranDry, String sample, int connections, double serverCores,
                  double dbCores, double wrkCores, double otherCores, String perRequest, double serverCpuMs,
                  double dbCpuMs) {
        /** CPU time the server (and PostgreSQL's backends) spent per request, in microseconds: unlike
         *  requests/s, it hardly changes when other processes share the cores. */
        double cpuUsPerRequest() {
            return requests == 0 ? 0 : (serverCpuMs + dbCpuMs) * 1000.0 / requests;
        }

        double rps() {
            return durationUs == 0 ? 0 : requests * 1e6 / durationUs;
        }

        /** Requests/s of correct answers only. */
        double goodRps() {
            return durationUs == 0 ? 0 : Math.max(0, requests - bad) * 1e6 / durationUs;
        }

        /** Other processes kept more than a quarter of a core busy: the figure is disturbed. */
        boolean disturbed() {
            return otherCores > 0.25;
        }

        boolean clean() {
            return bad == 0 && socketErrors == 0;
        }
    }
}
