package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import hearth.engine.capability.Capability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A classic {@code Command}: {@code .name} and {@code .arguments} (argument type names, e.g. "NUMBER"). */
@SmartAppApi
public final class CommandView {
    private final Capability.Command command;

    public CommandView(Capability.Command command) {
        this.command = command;
    }

    @SmartAppApi
    public String getName() {
        return command.name();
    }

    @SmartAppApi
    public List<String> getArguments() {
        return command.arguments().stream().map(a -> a.type().name().toUpperCase(Locale.ROOT)).toList();
    }

    Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", getName());
        m.put("arguments", getArguments());
        return m;
    }

    @SmartAppApi
    @Override
    public String toString() {
        return getName();
    }
}
