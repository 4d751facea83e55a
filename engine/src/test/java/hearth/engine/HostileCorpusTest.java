package hearth.engine;

import groovy.lang.GroovyShell;
import groovy.lang.GroovySystem;
import groovy.lang.Script;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.SmartApp;
import hearth.engine.api.SmartAppCompilationException;
import hearth.engine.support.FakeContext;
import hearth.engine.support.PlainDsl;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import static hearth.engine.support.Requests.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One hostile SmartApp per escape route (src/test/resources/hostile). Each payload first runs
 * under plain Groovy, where it must really do its damage (create a file, read a secret file or an
 * environment variable, write the JVM's security provider table), or it proves nothing; then through the engine, which must refuse it (at
 * registration or at the call, for the reason the file's header names) with no damage done.
 */
class HostileCorpusTest {
    static final SmartAppEngine engine = hearth.engine.support.Engines.quick();

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        engine.close();
    }

    @AfterEach
    void forgetMetaClassChanges() {
        // the plain runs of the metaClass payloads change String's meta class JVM-wide, and the
        // provider payloads the JVM's security provider table
        GroovySystem.getMetaClassRegistry().removeMetaClass(String.class);
        java.security.Security.getProvider("SUN").remove(PROVIDER_MARKER);
    }

    private static final String PROVIDER_MARKER = "Hearth.Marker";

    static Stream<String> payloads() throws IOException, URISyntaxException {
        Path hostile = Path.of(HostileCorpusTest.class.getResource("/hostile").toURI());
        try (Stream<Path> files = Files.list(hostile)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".groovy")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void escapesPlainGroovyButNotTheEngine(String file) throws Exception {
        String template = Files.readString(Path.of(getClass().getResource("/hostile/" + file).toURI()));
        String effect = header(template, "effect");
        String refusal = header(template, "refuses");
        String secret = "secret-" + UUID.randomUUID();
        Path secretFile = dir.resolve("secret.txt");
        Files.writeString(secretFile, secret);

        Path plainMarker = dir.resolve("plain-" + UUID.randomUUID());
        Object plain = runPlain(template.replace("@MARKER@", plainMarker.toString())
                .replace("@SECRET_FILE@", secretFile.toString()));
        assertThat(damage(effect, plainMarker, plain, secret))
                .as("the payload must really escape under plain Groovy, else it proves nothing: %s", plain)
                .isTrue();

        Path marker = dir.resolve("sandboxed-" + UUID.randomUUID());
        String source = template.replace("@MARKER@", marker.toString()).replace("@SECRET_FILE@", secretFile.toString());
        String why;
        Object result = null;
        try {
            SmartApp app = engine.compile(source);
            HandlerOutcome outcome = app.handle(get("/attack"), new FakeContext());
            result = outcome;
            assertThat(outcome).as("the call must fail").isInstanceOf(HandlerOutcome.Failure.class);
            HandlerOutcome.Failure failure = (HandlerOutcome.Failure) outcome;
            assertThat(failure.type()).isEqualTo("SandboxViolationException");
            why = failure.message();
        } catch (SmartAppCompilationException e) {
            why = e.getMessage();
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
        }
        assertThat(why).containsIgnoringCase(refusal);
        assertThat(damage(effect, marker, result, secret)).as("no damage through the engine").isFalse();
    }

    private static Object runPlain(String source) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(PlainDsl.class.getName());
        try {
            Script script = new GroovyShell(HostileCorpusTest.class.getClassLoader(), config).parse(source);
            script.run();
            return script.invokeMethod("attack", null);
        } catch (Throwable t) {
            return t; // some payloads do their damage and then fail; the damage is what counts
        }
    }

    private static boolean damage(String effect, Path marker, Object result, String secret) throws IOException {
        String text = String.valueOf(result);
        return switch (effect) {
            case "file" -> Files.exists(marker);
            case "secret" -> text.contains(secret);
            case "env" -> text.contains(System.getenv("PATH"));
            case "provider" -> marker.toString().equals(java.security.Security.getProvider("SUN").get(PROVIDER_MARKER));
            default -> throw new IllegalArgumentException("unknown effect " + effect);
        };
    }

    private static String header(String source, String name) {
        for (String line : source.lines().toList()) {
            if (line.startsWith("// " + name + ":")) {
                return line.substring(name.length() + 4).trim();
            }
        }
        throw new IllegalArgumentException("no '// " + name + ":' header");
    }
}
