package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
/** A classic location {@code Mode}: compared by name, printed as its name. */
@SmartAppApi
public final class ModeView {
    private final String name;

    public ModeView(String name) {
        this.name = name;
    }

    @SmartAppApi
    public String getName() {
        return name;
    }

    @SmartAppApi
    public String getId() {
        return name;
    }

    @SmartAppApi
    @Override
    public boolean equals(Object o) {
        return o instanceof ModeView m ? m.name.equals(name) : o instanceof CharSequence cs && cs.toString().equals(name);
    }

    @SmartAppApi
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @SmartAppApi
    @Override
    public String toString() {
        return name;
    }
}
