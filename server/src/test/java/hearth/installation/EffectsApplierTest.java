package hearth.installation;

import hearth.account.Account;
import hearth.account.AccountService;
import hearth.device.Device;
import hearth.device.LocalDevices;
import hearth.engine.api.AppIntent;
import hearth.engine.api.CallEffects;
import hearth.engine.api.CallResult;
import hearth.engine.api.DeviceCommand;
import hearth.engine.api.HandlerOutcome;
import hearth.location.Location;
import hearth.location.global.LocationService;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import hearth.support.TestDataDirs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one place a call's effects are carried out: device commands, state and intents of one call
 * are stored together, in one transaction, or not at all; only the Installation's own devices are
 * commanded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
class EffectsApplierTest {
    private static final HandlerOutcome OK = new HandlerOutcome.Response(204, null, null, Map.of());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String dir = TestDataDirs.fresh("effects-applier");
        registry.add("hearth.data-dir", () -> dir);
    }

    @Autowired
    AccountService accounts;
    @Autowired
    LocationService locations;
    @Autowired
    SmartAppService apps;
    @Autowired
    LocalInstallations installations;
    @Autowired
    LocalDevices devices;
    @Autowired
    InstallationRepository installationRows;
    @Autowired
    SubscriptionRepository subscriptions;
    @Autowired
    EffectsApplier applier;

    record Setup(Installation installation, Device lamp, Device dimmer, Device stranger) {
    }

    Setup setup() {
        String source = """
                definition(name: "Effects", namespace: "hearth.test", author: "Hearth", description: "d",
                           category: "c", oauth: true)
                preferences { section { input "lights", "capability.switch", multiple: true } }
                mappings { path("/x") { action: [GET: "x"] } }
                def x() { [] }
                """;
        Account account = accounts.signUp("fx-" + UUID.randomUUID().toString().substring(0, 8), "long enough pw");
        Location home = locations.create(account.id(), "Home", null, "UTC");
        Device lamp = devices.create(home.id(), "Lamp", List.of("switch"), Map.of());
        Device dimmer = devices.create(home.id(), "Dimmer", List.of("switch", "switchLevel"), Map.of("level", 10));
        Device stranger = devices.create(home.id(), "Not chosen", List.of("switch"), Map.of());
        SmartAppRecord app = apps.register(account.id(), new SmartAppService.Changes(source,
                List.of("https://example.com/cb"), null, null, null, null, null)).app();
        Installation installation = installations.install(account.id(), app, home,
                Map.of("lights", List.of(lamp.id(), dimmer.id())), Map.of());
        return new Setup(installation, lamp, dimmer, stranger);
    }

    static Map<String, Device> chosen(Setup s) {
        return Map.of(s.lamp().id(), s.lamp(), s.dimmer().id(), s.dimmer());
    }

    Object value(Device device, String attribute) {
        return devices.byId(device.id()).orElseThrow().attributes().get(attribute).value();
    }

    @Test
    void commandsStateAndIntentsOfACallAreStoredTogether() {
        Setup s = setup();
        CallEffects effects = new CallEffects("{\"done\":true}", List.of(
                new DeviceCommand(s.lamp().id(), "on", List.of()),
                new DeviceCommand(s.dimmer().id(), "setLevel", List.of(70)),
                new DeviceCommand(s.dimmer().id(), "on", List.of())),
                List.of(new AppIntent.Subscribe(List.of(s.lamp().id()), "switch", "onSwitch")), List.of(), List.of());

        HandlerOutcome outcome = applier.apply(s.installation(), chosen(s), new CallResult(OK, effects));

        assertThat(outcome).isEqualTo(OK);
        assertThat(value(s.lamp(), "switch")).isEqualTo("on");
        assertThat(value(s.dimmer(), "level")).isEqualTo(70L); // whole numbers come back from the database as Long
        assertThat(value(s.dimmer(), "switch")).isEqualTo("on");
        assertThat(devices.events(s.dimmer().id(), 10)).extracting(e -> e.name() + "=" + e.value())
                .contains("level=70", "switch=on");
        assertThat(installationRows.loadState(s.installation().id())).isEqualTo("{\"done\":true}");
        assertThat(subscriptions.asIntents(s.installation().id()))
                .containsExactly(new AppIntent.Subscribe(List.of(s.lamp().id()), "switch", "onSwitch"));
    }

    @Test
    void whenOneEffectCannotBeStoredNoneIsAndTheCallFails() {
        Setup s = setup();
        CallEffects effects = new CallEffects("{\"done\":true}", List.of(
                new DeviceCommand(s.lamp().id(), "on", List.of()),
                new DeviceCommand(s.dimmer().id(), "setLevel", List.of(500))), List.of(), List.of(), List.of());

        HandlerOutcome outcome = applier.apply(s.installation(), chosen(s), new CallResult(OK, effects));

        assertThat(outcome).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                f -> assertThat(f.message()).contains("must be between 0 and 100"));
        assertThat(value(s.lamp(), "switch")).isEqualTo("off");
        assertThat(installationRows.loadState(s.installation().id())).isNull();
    }

    @Test
    void aCommandToADeviceTheInstallationWasNotGivenIsNeverRun() {
        Setup s = setup();
        CallEffects effects = new CallEffects(null, List.of(new DeviceCommand(s.stranger().id(), "on", List.of())),
                List.of(), List.of(), List.of());

        assertThat(applier.apply(s.installation(), chosen(s), new CallResult(OK, effects))).isEqualTo(OK);
        assertThat(value(s.stranger(), "switch")).isEqualTo("off");
        assertThat(devices.events(s.stranger().id(), 10)).isEmpty();
    }

    @Test
    void aFailedCallsCommandsStandButItsStateAndIntentsWereAlreadyDroppedByTheEngine() {
        Setup s = setup();
        HandlerOutcome failure = new HandlerOutcome.Failure("RuntimeException", "no", null);
        CallEffects effects = new CallEffects(null, List.of(new DeviceCommand(s.lamp().id(), "on", List.of())),
                List.of(), List.of(), List.of());

        assertThat(applier.apply(s.installation(), chosen(s), new CallResult(failure, effects))).isEqualTo(failure);
        assertThat(value(s.lamp(), "switch")).isEqualTo("on");
    }

    @Test
    void aRunWhoseClaimWasTakenOverStoresNoneOfItsEffects() {
        Setup s = setup();
        CallEffects effects = new CallEffects("{\"done\":true}", List.of(new DeviceCommand(s.lamp().id(), "on",
                List.of())), List.of(new AppIntent.RunIn(60, "again", true)), List.of(), List.of());

        HandlerOutcome outcome = applier.apply(s.installation(), chosen(s), new CallResult(OK, effects), () -> {
            throw new LeaseLost("scheduled job x");
        }, null);

        assertThat(outcome).isInstanceOfSatisfying(HandlerOutcome.Failure.class,
                f -> assertThat(f.type()).isEqualTo("lease_lost"));
        assertThat(value(s.lamp(), "switch")).isEqualTo("off");
        assertThat(installationRows.loadState(s.installation().id())).isNull();
    }

    @Test
    void aClaimedRunWithoutEffectsIsStillFinished() {
        Setup s = setup();
        boolean[] finished = {false};
        CallEffects none = new CallEffects(null, List.of(), List.of(), List.of(), List.of());

        assertThat(applier.apply(s.installation(), chosen(s), new CallResult(OK, none), () -> finished[0] = true, null))
                .isEqualTo(OK);
        assertThat(finished[0]).isTrue();
    }

    @Test
    void aCallWhoseStateWasSavedByAnotherCallMeanwhileStoresNothing() {
        Setup s = setup();
        long read = installationRows.readState(s.installation().id()).version();
        installationRows.saveState(s.installation().id(), "{\"by\":\"the other call\"}", read);
        CallEffects effects = new CallEffects("{\"by\":\"this call\"}", List.of(new DeviceCommand(s.lamp().id(),
                "on", List.of())), List.of(), List.of(), List.of());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> applier.apply(s.installation(), chosen(s),
                new CallResult(OK, effects), null, read)).isInstanceOf(StateConflict.class);
        assertThat(value(s.lamp(), "switch")).isEqualTo("off");
        assertThat(installationRows.loadState(s.installation().id())).isEqualTo("{\"by\":\"the other call\"}");
    }
}
