package hearth.engine;

import hearth.smartapp.EngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** hearth.outbound in application.yaml reaches the engine's OutboundSettings. */
class OutboundConfigurationTest {

    @Test
    void theShippedDefaultsAreTheInternetOnly() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
                .forEach(env.getPropertySources()::addLast);
        OutboundSettings s = EngineConfiguration.outboundSettings(env);
        assertThat(s).isEqualTo(OutboundSettings.defaults());
        assertThat(s.allow()).isEmpty();
    }

    @Test
    void allowListAndLimitsAreRead() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("hearth.outbound.allow[0]", "127.0.0.1:8123")
                .withProperty("hearth.outbound.allow[1]", "192.168.1.0/24")
                .withProperty("hearth.outbound.timeout", "5s")
                .withProperty("hearth.outbound.max-response-size", "64KB")
                .withProperty("hearth.outbound.max-requests-per-call", "3");
        OutboundSettings s = EngineConfiguration.outboundSettings(env);
        assertThat(s.allow()).containsExactly("127.0.0.1:8123", "192.168.1.0/24");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.maxResponseBytes()).isEqualTo(64 * 1024);
        assertThat(s.maxRequestsPerCall()).isEqualTo(3);
        assertThat(s.enabled()).isTrue();
        // the comma form of an environment variable works too (HEARTH_OUTBOUND_ALLOW=a,b)
        assertThat(EngineConfiguration.outboundSettings(new MockEnvironment()
                .withProperty("hearth.outbound.allow", "nas.lan,10.0.0.0/8")).allow())
                .isEqualTo(List.of("nas.lan", "10.0.0.0/8"));
    }

    @Test
    void badEntriesAndTimeoutsStopTheStart() {
        assertThatThrownBy(() -> EngineConfiguration.outboundSettings(new MockEnvironment()
                .withProperty("hearth.outbound.allow[0]", "http://nas.lan")))
                .hasMessageContaining("hearth.outbound.allow").hasMessageContaining("http://nas.lan");
        assertThatThrownBy(() -> EngineConfiguration.outboundSettings(new MockEnvironment()
                .withProperty("hearth.outbound.timeout", "2m")))
                .hasMessageContaining("at most").isInstanceOf(IllegalArgumentException.class);
    }
}
