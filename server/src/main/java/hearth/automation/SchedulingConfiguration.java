package hearth.automation;

import hearth.HearthProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** The scheduler's poll, every {@code hearth.scheduler.poll}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration implements SchedulingConfigurer {
    private final Scheduler scheduler;
    private final HearthProperties properties;

    SchedulingConfiguration(Scheduler scheduler, HearthProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(scheduler::runDue, properties.scheduler().poll());
    }
}
