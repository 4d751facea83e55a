package hearth.smartapp;

import hearth.engine.EngineSettings;
import hearth.engine.SmartAppEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    SmartAppEngine smartAppEngine() {
        return new SmartAppEngine(EngineSettings.defaults());
    }
}
