package hearth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.time.Duration;

/**
 * {@code hearth.startup-steps=true}: Spring's start-up steps (each bean's instantiation, the context
 * refresh, the phases of {@link SpringApplication#run}) are recorded in a
 * {@link BufferingApplicationStartup}, and {@code /actuator/startup} shows them, to a caller on this
 * host or one with {@code hearth.metrics.token}, as {@code /actuator/prometheus} (bench/startup reads
 * them). Off by default: Spring's no-op recorder, nothing buffered, and no endpoint (its
 * auto-configuration wants a buffering recorder).
 *
 * <p>The recorder has to be chosen before the configuration is read, so the setting is looked up here
 * in the command line ({@code --hearth.startup-steps=true}), the system properties and the environment
 * ({@code HEARTH_STARTUP_STEPS=true}). Set only in a configuration file it still works, but from the
 * context on: the phases before it (reading the configuration) are not recorded. Steps are recorded
 * until the application is ready, none after (beans made later, per request, would otherwise fill the
 * buffer with what is not start-up).
 */
public class StartupSteps implements SpringApplicationRunListener {
    static final String SETTING = "hearth.startup-steps";
    /** Hearth's start-up records about 2,000 steps; a full buffer drops the rest. */
    static final int CAPACITY = 20_000;
    private static final String READY = "spring.boot.application.ready";

    private BufferingApplicationStartup recording;

    /** Called by Spring Boot (META-INF/spring.factories) before the run starts its first step. */
    public StartupSteps(SpringApplication application, String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        // The run reads the recorder right after constructing its listeners, so this one is used from
        // the run's first step on (Spring Boot's SpringApplication.getRunListeners).
        if (on(environment)) {
            recording = new BufferingApplicationStartup(CAPACITY);
            application.setApplicationStartup(recording);
        }
    }

    static boolean on(PropertyResolver properties) {
        return properties.getProperty(SETTING, Boolean.class, false);
    }

    @Override
    public void contextPrepared(ConfigurableApplicationContext context) {
        if (recording == null && on(context.getEnvironment())) {
            recording = new BufferingApplicationStartup(CAPACITY);
            context.setApplicationStartup(recording);
        }
    }

    @Override
    public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
        if (recording != null) {
            // The filter is asked when a step ends: the run's "ready" step, around this call, ends last.
            recording.addFilter(step -> step.getName().equals(READY));
        }
    }
}
