package hearth.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Hearth's packaged server as a separate process, for tests of several Servers. */
public final class HearthProcess implements AutoCloseable {
    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final List<String> arguments;
    private final Map<String, String> env;

    private HearthProcess(String name, int port, Process process, Path log, List<String> arguments,
                          Map<String, String> env) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.arguments = arguments;
        this.env = env;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HearthProcess start(String name, int port, List<String> arguments, Map<String, String> env) {
        String jar = System.getProperty("hearth.jar", "target/hearth-server.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar, "--server.port=" + port));
        command.addAll(arguments);
        try {
            Path logs = Files.createDirectories(Path.of("target", "it-logs"));
            Path log = logs.resolve(name + "-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            return new HearthProcess(name, port, builder.start(), log, List.copyOf(arguments), Map.copyOf(env));
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public HearthProcess awaitHealthy(Duration timeout) {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url()
                        + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not healthy after " + timeout + "; see " + log.toAbsolutePath());
    }

    /**
     * The value of the first series named {@code name} on this process's {@code /actuator/prometheus}
     * (which answers a scraper on the same host), or NaN when it has none yet.
     */
    public double metric(String name) {
        HttpResponse<String> scraped = new Http(url()).get("/actuator/prometheus");
        if (scraped.statusCode() != 200) {
            throw new IllegalStateException(name + ": /actuator/prometheus answered " + scraped.statusCode());
        }
        return scraped.body().lines().filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .findFirst().map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElse(Double.NaN);
    }

    /** A labelled series' value ({@code metric("hearth_hub_connections", "status=\"online\"")}), NaN when absent. */
    public double metric(String name, String label) {
        HttpResponse<String> scraped = new Http(url()).get("/actuator/prometheus");
        if (scraped.statusCode() != 200) {
            throw new IllegalStateException(name + ": /actuator/prometheus answered " + scraped.statusCode());
        }
        return scraped.body().lines().filter(line -> line.startsWith(name + "{") && line.contains(label))
                .findFirst().map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElse(Double.NaN);
    }

    public Path log() {
        return log;
    }

    /** {@code kill -9}: no shutdown hook, no flush, no goodbye (destroyForcibly is SIGKILL on Linux and macOS). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The same server again, on the same port, data and settings (after {@link #kill()}). */
    public HearthProcess restart() {
        return start(name, port, arguments, env);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
