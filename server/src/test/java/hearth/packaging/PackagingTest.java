package hearth.packaging;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container image (Jib), compose.yaml and the systemd unit, checked as configuration: CI can't
 * reach a container registry for the base image, so the image itself is built by the command the
 * README gives, not by the suite.
 */
class PackagingTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theImageRunsHearthAsAnUnprivilegedUserWithItsDataInAVolume() throws Exception {
        Element jib = jibConfiguration();
        assertThat(text(jib, "from/image")).as("a pinned Java 17 runtime").matches("eclipse-temurin:17-jre-[a-z]+");
        Element container = child(jib, "container");
        assertThat(text(container, "mainClass")).isEqualTo("hearth.HearthApplication");
        assertThat(Class.forName(text(container, "mainClass"))).isNotNull();
        assertThat(text(container, "user")).as("not root").matches("[1-9][0-9]{3,}:[1-9][0-9]{3,}");
        assertThat(texts(container, "ports/port")).containsExactly("8080");
        assertThat(texts(container, "volumes/volume")).containsExactly("/data");
        assertThat(text(container, "environment/HEARTH_DATA_DIR")).isEqualTo("/data");
        assertThat(texts(container, "jvmFlags/jvmFlag")).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(Files.isDirectory(ROOT.resolve("server/src/main/jib/data"))).as("the /data folder in the image")
                .isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsHearthOnPostgresWithMosquittoAndNoPasswordInTheFile() throws Exception {
        String text = Files.readString(ROOT.resolve("compose.yaml"));
        Map<String, Object> compose = new Yaml().load(text);
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsOnlyKeys("hearth", "postgres", "mosquitto");
        Map<String, Object> hearth = services.get("hearth");
        String version = text(pom().getDocumentElement(), "parent/version");
        assertThat(hearth.get("image")).isEqualTo("hearth:" + version);
        Map<String, Object> env = (Map<String, Object>) hearth.get("environment");
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
                .containsEntry("HEARTH_DB_URL", "jdbc:postgresql://postgres:5432/hearth");
        assertThat(String.valueOf(env.get("HEARTH_DB_PASSWORD"))).startsWith("${HEARTH_DB_PASSWORD:?");
        assertThat((List<String>) hearth.get("volumes")).containsExactly("hearth-data:/data");
        assertThat((List<String>) hearth.get("ports")).allMatch(p -> p.startsWith("127.0.0.1:"));
        assertThat(String.valueOf(((Map<String, Object>) hearth.get("healthcheck")).get("test")))
                .contains("/actuator/health/readiness");
        assertThat(String.valueOf(services.get("mosquitto").get("volumes"))).contains("packaging/mosquitto.conf");
        assertThat(Files.readString(ROOT.resolve("packaging/mosquitto.conf"))).contains("allow_anonymous false");
    }

    @Test
    void theSystemdUnitRunsTheJarAsItsOwnUserAndStopsGracefully() throws Exception {
        String unit = Files.readString(ROOT.resolve("packaging/hearth.service"));
        assertThat(unit).contains("User=hearth").contains("ExecStart=/usr/bin/java")
                .contains("hearth-server.jar").contains("Environment=HEARTH_DATA_DIR=/var/lib/hearth")
                .contains("ReadWritePaths=/var/lib/hearth").contains("NoNewPrivileges=true")
                .contains("KillSignal=SIGTERM").contains("SuccessExitStatus=143");
    }

    @Test
    void theLauncherAndTheBenchmarksStartTheJarTheSameWayWithABoundedHeap() throws Exception {
        String options = Files.readString(ROOT.resolve("packaging/jvm.options")).replaceAll("#.*", "");
        assertThat(options.trim().split("\\s+")).as("a heap for small hosts, not a quarter of RAM")
                .anyMatch(o -> o.matches("-Xmx[0-9]+[mMgG]"));
        String launch = Files.readString(ROOT.resolve("packaging/launch.sh"));
        assertThat(launch).contains("jvm.options").contains("-XX:ArchiveClassesAtExit=")
                .contains("-Dspring.context.exit=onRefresh").contains("--hearth.data-dir=")
                .contains("-XX:SharedArchiveFile=").contains("-Xshare:auto");
        String hearth = Files.readString(ROOT.resolve("hearth"));
        assertThat(hearth).contains("source packaging/launch.sh").contains("\"${HEARTH_JAVA[@]}\" ${JAVA_OPTS:-} -jar \"$HEARTH_JAR\"")
                .doesNotContain("java ${JAVA_OPTS:-} -jar \"$JAR\"");
        for (String bench : List.of("bench/run", "bench/startup")) {
            assertThat(Files.readString(ROOT.resolve(bench))).as(bench).contains("source \"$ROOT/packaging/launch.sh\"")
                    .contains("hearth_launch \"$SUT\"");
        }
    }

    @Test
    void aJarWithoutAnArchiveStartsAsItIsWithTheSameOptionsAndTheFailureIsNotRetried() throws Exception {
        Path dir = Files.createTempDirectory("hearth-launch");
        Path jar = Files.writeString(dir.resolve("broken.jar"), "not a jar");
        String script = "source packaging/launch.sh; hearth_launch \"$1\" \"$2\"; echo \"${HEARTH_JAVA[*]}|$HEARTH_JAR\"";
        List<String> first = launch(script, jar, dir.resolve("cds"));
        String plain = "java " + Files.readString(ROOT.resolve("packaging/jvm.options")).replaceAll("#.*", "").trim()
                .replaceAll("\\s+", " ") + "|" + jar;
        assertThat(first.get(first.size() - 1)).isEqualTo(plain);
        assertThat(String.join("\n", first)).contains("no class-data-sharing archive");
        assertThat(Files.readString(dir.resolve("cds/stamp"))).startsWith("failed ");
        List<String> second = launch(script, jar, dir.resolve("cds"));
        assertThat(second).as("once failed for this jar: no second attempt, no message").containsExactly(plain);
    }

    private static List<String> launch(String script, Path jar, Path dir) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", script, "launch", jar.toString(), dir.toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return List.of(out.strip().split("\n"));
    }

    private static Document pom() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("server/pom.xml").toFile());
    }

    private static Element jibConfiguration() throws Exception {
        NodeList plugins = pom().getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("jib-maven-plugin".equals(text(plugin, "artifactId"))) {
                return child(plugin, "configuration");
            }
        }
        throw new AssertionError("no jib-maven-plugin in server/pom.xml");
    }

    private static Element child(Element parent, String path) {
        Element current = parent;
        for (String name : path.split("/")) {
            Element next = null;
            for (org.w3c.dom.Node n = current.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals(name)) {
                    next = e;
                    break;
                }
            }
            if (next == null) {
                throw new AssertionError("no " + path + " under " + parent.getTagName());
            }
            current = next;
        }
        return current;
    }

    private static String text(Element parent, String path) {
        return child(parent, path).getTextContent().trim();
    }

    private static List<String> texts(Element parent, String path) {
        int slash = path.lastIndexOf('/');
        Element list = child(parent, path.substring(0, slash));
        List<String> values = new ArrayList<>();
        for (org.w3c.dom.Node n = list.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(path.substring(slash + 1))) {
                values.add(e.getTextContent().trim());
            }
        }
        return values;
    }
}
