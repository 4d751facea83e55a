package hearth.installation;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** A node's parsed settings: parsed once per text, and each call's copy its own. */
class ParsedSettingsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final AtomicInteger parses = new AtomicInteger();
    private final Function<String, Map<String, Object>> parse = text -> {
        parses.incrementAndGet();
        return JSON.readValue(text, new TypeReference<Map<String, Object>>() {
        });
    };

    @Test
    void theSameTextIsParsedOnceAndANewTextAgain() {
        ParsedSettings settings = new ParsedSettings();

        assertThat(settings.of("i", "{\"threshold\":40}", parse)).containsEntry("threshold", 40);
        assertThat(settings.of("i", "{\"threshold\":40}", parse)).containsEntry("threshold", 40);
        assertThat(parses).hasValue(1);
        assertThat(settings.of("i", "{\"threshold\":55}", parse)).containsEntry("threshold", 55);
        assertThat(parses).hasValue(2);
        assertThat(settings.of("other", "{\"threshold\":55}", parse)).containsEntry("threshold", 55);
        assertThat(parses).hasValue(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatACallChangesInItsCopyIsNotWhatTheNextCallGets() {
        ParsedSettings settings = new ParsedSettings();
        String text = "{\"modes\":[\"Night\",\"Away\"],\"nested\":{\"a\":[1,2]}}";

        Map<String, Object> first = settings.of("i", text, parse);
        ((List<Object>) first.get("modes")).sort(null);          // what classic apps do to a list setting
        ((List<Object>) ((Map<String, Object>) first.get("nested")).get("a")).add(3);
        first.put("added", true);

        Map<String, Object> second = settings.of("i", text, parse);
        assertThat(second.get("modes")).isEqualTo(List.of("Night", "Away"));
        assertThat(second.get("nested")).isEqualTo(Map.of("a", List.of(1, 2)));
        assertThat(second).doesNotContainKey("added");
        assertThat(parses).hasValue(1);
    }
}
