package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import hearth.engine.capability.Capability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A classic {@code Capability}: {@code .name} is the display name ("Switch Level"). */
@SmartAppApi
public final class CapabilityView {
    private final Capability capability;

    public CapabilityView(Capability capability) {
        this.capability = capability;
    }

    @SmartAppApi
    public String getName() {
        return capability.name();
    }

    /** Not classic, but handy: the camelCase id inputs use. */
    @SmartAppApi
    public String getId() {
        return capability.id();
    }

    @SmartAppApi
    public List<CommandView> getCommands() {
        return capability.commands().stream().map(CommandView::new).toList();
    }

    @SmartAppApi
    public List<AttributeView> getAttributes() {
        return capability.attributes().stream().map(AttributeView::new).toList();
    }

    Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", getName());
        m.put("commands", getCommands());
        m.put("attributes", getAttributes());
        return m;
    }

    @SmartAppApi
    @Override
    public String toString() {
        return getName();
    }
}
