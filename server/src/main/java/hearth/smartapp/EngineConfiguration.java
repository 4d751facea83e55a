package hearth.smartapp;

import hearth.HearthProperties.Outbound;
import hearth.HearthProperties;
import hearth.engine.EngineSettings;
import hearth.engine.OutboundSettings;
import hearth.engine.SmartAppEngine;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
public class EngineConfiguration {

    @Bean
    SmartAppEngine smartAppEngine(HearthProperties properties) {
        return new SmartAppEngine(engineSettings(properties.engine()).withOutbound(outboundSettings(
                properties.outbound())));
    }

    /** {@code hearth.engine.*}: the engine's call timeout, worker threads, queue, allocation budget and fair shares. */
    static EngineSettings engineSettings(HearthProperties.Engine e) {
        EngineSettings d = EngineSettings.defaults();
        EngineSettings settings = new EngineSettings(e.callTimeout() == null ? d.callTimeout() : e.callTimeout(),
                e.workers() == null ? d.maxConcurrentCalls() : e.workers(),
                e.queue() == null ? d.maxQueuedCalls() : e.queue(),
                e.maxCallAllocation() == null ? d.maxCallAllocation() : e.maxCallAllocation().toBytes(), d.outbound());
        EngineSettings.Shares fair = EngineSettings.Shares.of(settings.maxConcurrentCalls());
        return settings.withShares(new EngineSettings.Shares(
                e.perInstallation() == null ? fair.perInstallation() : e.perInstallation(),
                e.perSmartApp() == null ? fair.perSmartApp() : e.perSmartApp(),
                e.queuedPerInstallation() == null ? fair.queuedPerInstallation() : e.queuedPerInstallation()));
    }

    /** {@code hearth.outbound.*} as the environment has it (the same binding as {@link HearthProperties}). */
    public static OutboundSettings outboundSettings(Environment environment) {
        return outboundSettings(Binder.get(environment).bind("hearth.outbound", Bindable.of(Outbound.class))
                .orElse(new Outbound(null, null, null, null, null)));
    }

    /**
     * {@code hearth.outbound.*} (see application.yaml): what SmartApps may reach with httpGet and
     * friends; absent keys take the engine's defaults, and a malformed allow entry stops the server
     * at start with the entry named.
     */
    static OutboundSettings outboundSettings(Outbound o) {
        OutboundSettings d = OutboundSettings.defaults();
        return new OutboundSettings(
                o.enabled() == null ? d.enabled() : o.enabled(),
                o.allow() == null ? d.allow() : o.allow(),
                o.timeout() == null ? d.timeout() : o.timeout(),
                o.maxResponseSize() == null ? d.maxResponseBytes() : Math.toIntExact(o.maxResponseSize().toBytes()),
                o.maxRequestsPerCall() == null ? d.maxRequestsPerCall() : o.maxRequestsPerCall());
    }
}
