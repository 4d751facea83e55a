package hearth.engine.runtime;

import groovy.lang.Binding;
import groovy.lang.MissingPropertyException;

import java.util.Map;
import java.util.function.Function;

/**
 * The script-level names of one call ({@code params}, {@code state}, inputs, ...). Names not set
 * up front are asked of a fallback (settings of dynamic inputs, devices, handler names), which
 * answers {@link #UNKNOWN} when it doesn't know them either.
 */
final class ScopeBinding extends Binding {
    static final Object UNKNOWN = new Object();

    private final Function<String, Object> fallback;

    ScopeBinding(Map<String, Object> variables, Function<String, Object> fallback) {
        super(new java.util.LinkedHashMap<>(variables));
        this.fallback = fallback;
    }

    @Override
    public Object getVariable(String name) {
        Map<?, ?> vars = getVariables();
        if (vars.containsKey(name)) {
            return vars.get(name);
        }
        Object v = fallback.apply(name);
        if (v == UNKNOWN) {
            throw new MissingPropertyException(name, getClass());
        }
        return v;
    }

    @Override
    public boolean hasVariable(String name) {
        return getVariables().containsKey(name) || fallback.apply(name) != UNKNOWN;
    }
}
