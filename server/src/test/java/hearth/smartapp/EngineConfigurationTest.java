package hearth.smartapp;

import hearth.HearthProperties;
import hearth.engine.EngineSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hearth.engine.*} as the engine gets it. */
class EngineConfigurationTest {
    @Test
    void fairSharesAreSettingsAndDefaultToAQuarterAndAHalfOfTheWorkers() {
        EngineSettings set = EngineConfiguration.engineSettings(
                new HearthProperties.Engine(null, 8, null, null, 3, 5, 4));
        assertThat(set.shares()).isEqualTo(new EngineSettings.Shares(3, 5, 4));

        EngineSettings derived = EngineConfiguration.engineSettings(
                new HearthProperties.Engine(null, 32, null, null, null, null, null));
        assertThat(derived.maxConcurrentCalls()).isEqualTo(32);
        assertThat(derived.shares()).isEqualTo(new EngineSettings.Shares(8, 16, 16));
    }
}
