package hearth;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.metrics.ApplicationStartup;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which recorder a run gets from {@code hearth.startup-steps}, and when. */
class StartupStepsTest {

    @Test
    void runWhenSettingAbsentThenKeepsSpringsNoOpRecorder() {
        SpringApplication application = new SpringApplication(HearthApplication.class);
        StartupSteps steps = new StartupSteps(application, new String[0]);
        assertThat(application.getApplicationStartup()).isSameAs(ApplicationStartup.DEFAULT);
        GenericApplicationContext context = new GenericApplicationContext();
        steps.contextPrepared(context);
        assertThat(context.getApplicationStartup()).isSameAs(ApplicationStartup.DEFAULT);
    }

    @Test
    void runWhenSettingOnTheCommandLineThenRecordsFromTheFirstStep() {
        SpringApplication application = new SpringApplication(HearthApplication.class);
        new StartupSteps(application, new String[] {"--hearth.startup-steps=true"});
        assertThat(application.getApplicationStartup()).isInstanceOf(BufferingApplicationStartup.class);
    }

    @Test
    void runWhenSettingFalseOnTheCommandLineThenRecordsNothing() {
        SpringApplication application = new SpringApplication(HearthApplication.class);
        new StartupSteps(application, new String[] {"--hearth.startup-steps=false"});
        assertThat(application.getApplicationStartup()).isSameAs(ApplicationStartup.DEFAULT);
    }

    @Test
    void runWhenSettingOnlyInTheConfigurationThenRecordsFromTheContextOn() {
        SpringApplication application = new SpringApplication(HearthApplication.class);
        StartupSteps steps = new StartupSteps(application, new String[0]);
        GenericApplicationContext context = new GenericApplicationContext();
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("file", Map.of("hearth.startup-steps", "true")));
        steps.contextPrepared(context);
        assertThat(application.getApplicationStartup()).isSameAs(ApplicationStartup.DEFAULT);
        assertThat(context.getApplicationStartup()).isInstanceOf(BufferingApplicationStartup.class);
        assertThat(context.getBeanFactory().getApplicationStartup()).isSameAs(context.getApplicationStartup());
    }

    @Test
    void recordingWhenReadyThenKeepsTheReadyStepAndTakesNoMore() {
        SpringApplication application = new SpringApplication(HearthApplication.class);
        StartupSteps steps = new StartupSteps(application, new String[] {"--hearth.startup-steps=true"});
        BufferingApplicationStartup recorder = (BufferingApplicationStartup) application.getApplicationStartup();
        recorder.start("before").end();
        // as SpringApplicationRunListeners does: the listeners' ready() inside the run's "ready" step
        var ready = recorder.start("spring.boot.application.ready");
        steps.ready(new GenericApplicationContext(), java.time.Duration.ZERO);
        recorder.start("spring.beans.instantiate").end();
        ready.end();
        recorder.start("after").end();
        assertThat(recorder.getBufferedTimeline().getEvents()).extracting(e -> e.getStartupStep().getName())
                .containsExactly("before", "spring.boot.application.ready");
    }
}
