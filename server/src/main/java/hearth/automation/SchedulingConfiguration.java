package hearth.automation;

import hearth.HearthProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The scheduler's and the event outbox's poll, every {@code hearth.scheduler.poll}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration implements SchedulingConfigurer {
    private final Scheduler scheduler;
    private final OutboxDelivery outbox;
    private final HearthProperties properties;

    SchedulingConfiguration(Scheduler scheduler, OutboxDelivery outbox, HearthProperties properties) {
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(scheduler::runDue, properties.scheduler().poll());
        registrar.addFixedDelayTask(outbox::poll, properties.scheduler().poll());
    }
}
