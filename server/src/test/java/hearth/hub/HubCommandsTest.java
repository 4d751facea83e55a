package hearth.hub;

import hearth.support.MigratedDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Commands that wait in the database for the node holding their hub's connection (H2 and
 * PostgreSQL): read back in the order they were taken with their arguments as sent, only for the
 * hubs asked about; oversized arguments are refused before anything is stored.
 */
class HubCommandsTest {
    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void waitingWhenTwoHubsHaveCommandsThenEachHubGetsItsOwnInOrder(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        HubCommands commands = new HubCommands(db.jdbc());
        String hub = db.hub(NOW);
        String other = db.hub(NOW);
        commands.add(hub, "lamp", "setLevel", List.of(40), NOW);
        commands.add(other, "plug", "on", List.of(), NOW);
        commands.add(hub, "lamp", "setColor", List.of(Map.of("hue", 50, "saturation", 100)), NOW.plusSeconds(1));
        List<HubCommands.Waiting> waiting = commands.waiting(List.of(hub), 10);
        assertThat(waiting).extracting(HubCommands.Waiting::command).containsExactly("setLevel", "setColor");
        assertThat(waiting.get(0).arguments()).containsExactly(40);
        assertThat(waiting.get(1).arguments()).containsExactly(Map.of("hue", 50, "saturation", 100));
        commands.done(waiting.get(0).id());
        assertThat(commands.waiting(List.of(hub), 10)).extracting(HubCommands.Waiting::command)
                .containsExactly("setColor");
        assertThat(commands.waiting(List.of(), 10)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("hearth.support.MigratedDatabase#both")
    void addWhenTheArgumentsAreTooLongThenNothingIsStored(Supplier<MigratedDatabase> database) {
        MigratedDatabase db = database.get();
        HubCommands commands = new HubCommands(db.jdbc());
        String hub = db.hub(NOW);
        assertThatThrownBy(() -> commands.add(hub, "lamp", "setLevel", List.of("x".repeat(HubCommands.MAX_ARGUMENTS)),
                NOW)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4000 characters");
        assertThat(commands.waiting(List.of(hub), 10)).isEmpty();
    }
}
