package hearth.engine.dsl;

import java.util.List;

/**
 * {@code app} in a SmartApp: classic {@code app.id} is the Installation's id;
 * {@code app.subscriptions} what it is subscribed to (IFTTT's {@code updated()} reads
 * {@code app.subscriptions*.device}).
 */
public final class AppView {
    private final String id;
    private final String label;
    private final String name;
    private final List<SubscriptionView> subscriptions;

    public AppView(String id, String label, String name) {
        this(id, label, name, List.of());
    }

    public AppView(String id, String label, String name, List<SubscriptionView> subscriptions) {
        this.id = id;
        this.label = label;
        this.name = name;
        this.subscriptions = List.copyOf(subscriptions);
    }

    public List<SubscriptionView> getSubscriptions() {
        return subscriptions;
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
