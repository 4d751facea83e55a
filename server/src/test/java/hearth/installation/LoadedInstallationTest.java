package hearth.installation;

import hearth.device.Device;
import hearth.device.DeviceRepository;
import hearth.engine.api.AttributeState;
import hearth.support.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an installation API call reads of its Installation ({@link InstallationRepository#findLoaded}),
 * on H2 and PostgreSQL: the choices per input in the order chosen, each device once however many
 * attributes it has, only the chosen devices, and its Location and state; a node's copy of the
 * devices, used until any node changes them.
 */
class LoadedInstallationTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void theChoicesComeInTheOrderChosenEachDeviceOnceWithAllItsAttributes(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        InstallationRepository installations = new InstallationRepository(db.jdbc(), JsonMapper.builder().build());
        DeviceRepository devices = new DeviceRepository(db.jdbc());
        String id = db.installation();
        // Ids that sort against the order chosen, so an order by id or by creation would show.
        String lamp = device(db, devices, id, "z-lamp", "Lamp", Map.of("switch", "on", "level", 40, "power", 7.5));
        String plug = device(db, devices, id, "m-plug", "Plug", Map.of());
        String fan = device(db, devices, id, "a-fan", "Fan", Map.of("switch", "off"));
        device(db, devices, id, "b-other", "Not chosen", Map.of("switch", "on"));
        Map<String, List<String>> choices = new LinkedHashMap<>();
        choices.put("switches", List.of(fan, lamp, plug));
        choices.put("lead", List.of(lamp));
        db.transactions().executeWithoutResult(tx -> installations.replaceDevices(id, choices));
        installations.saveState(id, "{\"count\":3}");

        LoadedInstallation loaded = installations.findLoaded(id).orElseThrow();

        assertThat(loaded.installation().devices()).containsOnly(Map.entry("switches", List.of(fan, lamp, plug)),
                Map.entry("lead", List.of(lamp)));
        assertThat(loaded.chosen()).containsOnlyKeys(fan, lamp, plug);
        assertThat(loaded.chosen().get(lamp).label()).isEqualTo("Lamp");
        assertThat(loaded.chosen().get(lamp).attributes()).containsOnlyKeys("switch", "level", "power");
        assertThat(loaded.chosen().get(lamp).attributes().get("level").value()).isEqualTo(40L);
        assertThat(loaded.chosen().get(lamp).attributes().get("switch").date()).isEqualTo(NOW);
        assertThat(loaded.chosen().get(plug).attributes()).isEmpty();
        assertThat(loaded.location().id()).isEqualTo(id);
        assertThat(loaded.location().name()).isEqualTo("Home");
        assertThat(loaded.state()).isEqualTo("{\"count\":3}");
        assertThat(loaded.stateVersion()).isEqualTo(installations.readState(id).version());
    }

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void anInstallationWithoutDevicesIsReadAndAnUnknownOneIsNot(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        InstallationRepository installations = new InstallationRepository(db.jdbc(), JsonMapper.builder().build());
        String id = db.installation();

        LoadedInstallation loaded = installations.findLoaded(id).orElseThrow();

        assertThat(loaded.installation().devices()).isEmpty();
        assertThat(loaded.chosen()).isEmpty();
        assertThat(loaded.state()).isNull();
        assertThat(installations.findLoaded(UUID.randomUUID().toString())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void aNodeAnswersFromItsCopyOfTheDevicesUntilAnyNodeChangesThem(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        JsonMapper json = JsonMapper.builder().build();
        InstallationRepository node = new InstallationRepository(db.jdbc(), json);
        InstallationRepository other = new InstallationRepository(db.jdbc(), json);
        DeviceRepository devices = new DeviceRepository(db.jdbc());
        String id = db.installation();
        String lamp = device(db, devices, id, "lamp", "Lamp", Map.of("switch", "off"));
        String fan = device(db, devices, id, "fan", "Fan", Map.of("switch", "off"));
        db.transactions().executeWithoutResult(tx -> other.replaceDevices(id, Map.of("switches", List.of(lamp))));

        Device first = node.findLoaded(id).orElseThrow().chosen().get(lamp);
        assertThat(node.findLoaded(id).orElseThrow().chosen().get(lamp)).as("read again: the copy").isSameAs(first);

        // Each kind of write, through another node's repositories, is seen by this node's next read.
        db.transactions().executeWithoutResult(tx -> devices.saveAttribute(lamp,
                new AttributeState("switch", "on", null, NOW)));
        assertThat(node.findLoaded(id).orElseThrow().chosen().get(lamp).attributes().get("switch").value())
                .isEqualTo("on");
        db.transactions().executeWithoutResult(tx -> devices.rename(lamp, "Desk lamp"));
        assertThat(node.findLoaded(id).orElseThrow().chosen().get(lamp).label()).isEqualTo("Desk lamp");
        db.transactions().executeWithoutResult(tx -> devices.place(lamp, "Study"));
        assertThat(node.findLoaded(id).orElseThrow().chosen().get(lamp).room()).isEqualTo("Study");
        db.transactions().executeWithoutResult(tx -> devices.setHidden(lamp, true));
        assertThat(node.findLoaded(id).orElseThrow().chosen().get(lamp).hidden()).isTrue();
        db.transactions().executeWithoutResult(tx -> devices.updateKind(lamp, List.of("switch", "switchLevel"),
                "Dimmer", "Dimmer"));
        assertThat(node.findLoaded(id).orElseThrow().chosen().get(lamp).capabilities())
                .containsExactly("switch", "switchLevel");
        db.transactions().executeWithoutResult(tx -> other.replaceDevices(id, Map.of("switches", List.of(fan, lamp))));
        assertThat(node.findLoaded(id).orElseThrow().installation().devices())
                .containsOnly(Map.entry("switches", List.of(fan, lamp)));
        db.transactions().executeWithoutResult(tx -> {
            other.forgetDevice(fan);
            devices.delete(fan);
        });
        LoadedInstallation last = node.findLoaded(id).orElseThrow();
        assertThat(last.installation().devices()).containsOnly(Map.entry("switches", List.of(lamp)));
        assertThat(last.chosen()).containsOnlyKeys(lamp);
    }

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void aWriteToDevicesOutsideATransactionIsRefusedForItCouldBeSeenBeforeItsVersion(
            Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        DeviceRepository devices = new DeviceRepository(db.jdbc());
        String id = db.installation();
        String lamp = device(db, devices, id, "lamp", "Lamp", Map.of("switch", "off"));

        org.assertj.core.api.Assertions.assertThatIllegalStateException()
                .isThrownBy(() -> devices.saveAttribute(lamp, new AttributeState("switch", "on", null, NOW)))
                .withMessageContaining("transaction");
    }

    private static String device(MigratedDatabase db, DeviceRepository devices, String locationId, String prefix,
                                 String label, Map<String, Object> attributes) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 28);
        db.transactions().executeWithoutResult(tx -> {
            devices.insert(new Device(id, locationId, label, label, "Virtual Switch", List.of("switch"), Map.of(),
                    NOW, null));
            attributes.forEach((name, value) -> devices.saveAttribute(id, new AttributeState(name, value, null, NOW)));
        });
        return id;
    }
}
