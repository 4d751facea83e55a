package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import hearth.engine.capability.Capability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A classic {@code Attribute}: {@code .name}, {@code .dataType}, {@code .values}. */
@SmartAppApi
public final class AttributeView {
    private final Capability.Attribute attribute;

    public AttributeView(Capability.Attribute attribute) {
        this.attribute = attribute;
    }

    @SmartAppApi
    public String getName() {
        return attribute.name();
    }

    @SmartAppApi
    public String getDataType() {
        return attribute.type().name();
    }

    @SmartAppApi
    public List<String> getValues() {
        return attribute.values();
    }

    Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", getName());
        m.put("dataType", getDataType());
        m.put("values", getValues());
        return m;
    }

    @SmartAppApi
    @Override
    public String toString() {
        return getName();
    }
}
