package hearth.smartapp;

import hearth.engine.EngineSettings;
import hearth.engine.OutboundSettings;
import hearth.engine.SmartAppEngine;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    @Bean
    SmartAppEngine smartAppEngine(Environment environment) {
        return new SmartAppEngine(EngineSettings.defaults().withOutbound(outboundSettings(environment)));
    }

    /**
     * {@code hearth.outbound.*} (see application.yaml): what SmartApps may reach with httpGet and
     * friends. Read here rather than in HearthProperties so the engine's settings stay in one place;
     * a malformed allow entry stops the server at start with the entry named.
     */
    public static OutboundSettings outboundSettings(Environment environment) {
        Outbound o = Binder.get(environment).bind("hearth.outbound", Bindable.of(Outbound.class))
                .orElse(new Outbound(null, null, null, null, null));
        OutboundSettings d = OutboundSettings.defaults();
        return new OutboundSettings(
                o.enabled() == null ? d.enabled() : o.enabled(),
                o.allow() == null ? d.allow() : o.allow(),
                o.timeout() == null ? d.timeout() : o.timeout(),
                o.maxResponseSize() == null ? d.maxResponseBytes() : Math.toIntExact(o.maxResponseSize().toBytes()),
                o.maxRequestsPerCall() == null ? d.maxRequestsPerCall() : o.maxRequestsPerCall());
    }

    /** The {@code hearth.outbound} block as written; absent keys take the engine's defaults. */
    record Outbound(Boolean enabled, List<String> allow, Duration timeout, DataSize maxResponseSize,
                    Integer maxRequestsPerCall) {
    }
}
