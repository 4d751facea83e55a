package hearth.flow;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's curl walk, run exactly as written by bash against a fresh server with the demo,
 * so the README can't drift from what Hearth does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hearth.demo.enabled=true")
class ReadmeWalkTest extends HearthTestBase {
    private static final Path WORK = Path.of("target", "test-data", "readme-" + System.nanoTime()).toAbsolutePath();
    private static final Pattern BASH = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("hearth.data-dir", () -> WORK.resolve("data").toString());
    }

    @Test
    void theReadmeWalkWorksAsWritten() throws IOException, InterruptedException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String walk = readme.substring(readme.indexOf("<!-- walk:begin -->"), readme.indexOf("<!-- walk:end -->"));
        List<String> blocks = new ArrayList<>();
        Matcher m = BASH.matcher(walk);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertThat(blocks).hasSizeGreaterThan(4);
        Path script = WORK.resolve("walk.sh");
        Files.writeString(script, "set -euo pipefail\n" + String.join("\n", blocks));

        Process bash = new ProcessBuilder("bash", script.toString()).directory(WORK.toFile())
                .redirectErrorStream(true).start();
        assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).contains("/demo/callback?code=").contains("\"token_type\":\"bearer\"")
                .contains("\"base_url\":\"" + base() + "\"").contains("\"name\":\"Living Room Lamp\"")
                .contains("204").contains("\"value\":\"on\"")
                .contains("\"message\":\"dance is not a valid command for all switches specified\"")
                .contains("the header 'Authorize' is not read").contains("invalid_grant")
                .doesNotContain("clientSecret").containsPattern("/demo/callback\\?code=[^&\\s]+&iss=http[^&\\s]+&state=abc");
        assertThat(WORK.resolve("token.json")).as("the walk writes its files to a temporary folder").doesNotExist();
        assertThat(WORK.resolve("endpoints.json")).doesNotExist();
    }
}
