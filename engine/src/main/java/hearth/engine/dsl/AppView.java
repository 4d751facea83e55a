package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code app} in a SmartApp: classic {@code app.id} is the Installation's id;
 * {@code app.subscriptions} what it is subscribed to (IFTTT's {@code updated()} reads
 * {@code app.subscriptions*.device}).
 */
@SmartAppApi
public final class AppView {
    private final String id;
    private final String label;
    private final String name;
    private final Supplier<List<SubscriptionView>> subscriptions;
    private final java.util.function.BiConsumer<String, Object> settingUpdates;

    public AppView(String id, String label, String name) {
        this(id, label, name, List.of());
    }

    public AppView(String id, String label, String name, List<SubscriptionView> subscriptions) {
        this(id, label, name, () -> subscriptions);
    }

    public AppView(String id, String label, String name, Supplier<List<SubscriptionView>> subscriptions) {
        this(id, label, name, subscriptions, (setting, value) -> {
            throw new IllegalStateException("app.updateSetting is not available while the app is registered");
        });
    }

    /**
     * {@code subscriptions} is asked for when the app first reads {@code app.subscriptions}: few
     * handlers do, and the host answers it from its database.
     */
    public AppView(String id, String label, String name, Supplier<List<SubscriptionView>> subscriptions,
                   java.util.function.BiConsumer<String, Object> settingUpdates) {
        this.settingUpdates = settingUpdates;
        this.id = id;
        this.label = label;
        this.name = name;
        this.subscriptions = memoized(subscriptions);
    }

    @SmartAppApi
    public List<SubscriptionView> getSubscriptions() {
        return subscriptions.get();
    }

    private static Supplier<List<SubscriptionView>> memoized(Supplier<List<SubscriptionView>> source) {
        return new Supplier<>() {
            private List<SubscriptionView> value;

            @Override
            public synchronized List<SubscriptionView> get() {
                if (value == null) {
                    value = List.copyOf(source.get());
                }
                return value;
            }
        };
    }

    /**
     * Classic {@code app.updateSetting("name", value)} or {@code ("name", [type: "enum", value: v])}:
     * the app changes one of its value settings, for the rest of the call and (through the host) after.
     */
    @SmartAppApi
    public void updateSetting(String setting, Object value) {
        settingUpdates.accept(setting, value);
    }

    @SmartAppApi
    public String getId() {
        return id;
    }

    @SmartAppApi
    public String getLabel() {
        return label;
    }

    @SmartAppApi
    public String getName() {
        return name;
    }

    @SmartAppApi
    @Override
    public String toString() {
        return label;
    }
}
