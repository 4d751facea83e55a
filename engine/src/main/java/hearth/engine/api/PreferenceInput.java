package hearth.engine.api;

import java.util.List;
import java.util.Objects;

/**
 * One {@code input} of a SmartApp's preferences.
 *
 * @param type    as written: {@code capability.switch}, {@code text}, {@code number}, {@code bool},
 *                {@code enum}, {@code mode}, {@code time}, ...
 * @param section the title of the enclosing section, or null
 * @param options the choices of an {@code enum} input, empty otherwise
 */
public record PreferenceInput(String name, String type, String title, String section, boolean multiple,
                              boolean required, List<String> options, Object defaultValue) {
    private static final String CAPABILITY = "capability.";

    public PreferenceInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
    }

    /** True when the user picks devices for this input. */
    public boolean isDevice() {
        return type.startsWith(CAPABILITY) || type.startsWith("device.");
    }

    /** The capability id of a {@code capability.*} input, e.g. "switchLevel"; null for other inputs. */
    public String capability() {
        return type.startsWith(CAPABILITY) ? type.substring(CAPABILITY.length()) : null;
    }
}
