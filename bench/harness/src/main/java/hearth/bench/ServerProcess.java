package hearth.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server the harness started (Hearth or Keycloak): start-up time, memory, and a clean stop. */
final class ServerProcess implements AutoCloseable {
    private static final List<ServerProcess> RUNNING = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (RUNNING) {
                new ArrayList<>(RUNNING).forEach(ServerProcess::close);
            }
        }));
    }

    final String name;
    final Process process;
    final Path log;
    /** Seconds from launching the process to the first ready answer. */
    double startupSeconds;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(String name, List<String> command, Map<String, String> env, Path log, String readyUrl,
                               Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        ServerProcess server = new ServerProcess(name, pb.start(), log);
        synchronized (RUNNING) {
            RUNNING.add(server);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = t0 + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + server.process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(readyUrl))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    server.startupSeconds = (System.nanoTime() - t0) / 1e9;
                    return server;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        server.close();
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory in KiB of the process and its children (Keycloak's launcher is a shell). */
    long rssKb() {
        return sum("VmRSS:");
    }

    /** Peak resident memory (high-water mark) in KiB. */
    long peakRssKb() {
        return sum("VmHWM:");
    }

    private long sum(String key) {
        long total = 0;
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.toHandle().descendants().forEach(all::add);
        for (ProcessHandle h : all) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + h.pid() + "/status"))) {
                    if (line.startsWith(key)) {
                        total += Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone
            }
        }
        return total;
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle c : children) {
                c.onExit().get(20, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
        synchronized (RUNNING) {
            RUNNING.remove(this);
        }
    }
}
