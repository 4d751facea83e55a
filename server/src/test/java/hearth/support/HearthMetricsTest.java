package hearth.support;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token counters are found once per tag value and kept (issue 15), not registered per call. */
class HearthMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final HearthMetrics metrics = new HearthMetrics(registry);

    @Test
    void tokensIssuedWhenCountedAgainThenTheSameCounterCountsPerGrantType() {
        metrics.tokensIssued("refresh");
        metrics.tokensIssued("refresh");
        metrics.tokensIssued("consent");
        assertThat(registry.get("hearth.tokens.issued").tag("grant", "refresh").counter().count()).isEqualTo(2);
        assertThat(registry.get("hearth.tokens.issued").tag("grant", "consent").counter().count()).isEqualTo(1);
        assertThat(registry.find("hearth.tokens.issued").counters()).hasSize(2);
    }

    @Test
    void tokensRevokedWhenNothingWasRevokedThenNoCounterYetAndThenOnePerScope() {
        assertThat(registry.find("hearth.tokens.revoked").counters()).isEmpty();
        metrics.tokensRevoked("grant");
        metrics.tokensRevoked("grant");
        metrics.tokensRevoked("token");
        assertThat(registry.get("hearth.tokens.revoked").tag("scope", "grant").counter().count()).isEqualTo(2);
        assertThat(registry.get("hearth.tokens.revoked").tag("scope", "token").counter().count()).isEqualTo(1);
    }
}
