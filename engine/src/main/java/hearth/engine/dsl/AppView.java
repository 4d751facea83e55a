package hearth.engine.dsl;

/** {@code app} in a SmartApp: classic {@code app.id} is the Installation's id. */
public final class AppView {
    private final String id;
    private final String label;
    private final String name;

    public AppView(String id, String label, String name) {
        this.id = id;
        this.label = label;
        this.name = name;
    }

    public String getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return label;
    }
}
