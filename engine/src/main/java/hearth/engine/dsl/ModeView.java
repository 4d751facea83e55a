package hearth.engine.dsl;

/** A classic location {@code Mode}: compared by name, printed as its name. */
public final class ModeView {
    private final String name;

    public ModeView(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public String getId() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModeView m ? m.name.equals(name) : o instanceof CharSequence cs && cs.toString().equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
