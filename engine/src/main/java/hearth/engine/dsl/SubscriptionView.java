package hearth.engine.dsl;

/**
 * One entry of {@code app.subscriptions}: one device (null for location or app subscriptions)
 * with the event name and the handler it runs.
 */
public final class SubscriptionView {
    private final DeviceView device;
    private final String deviceId;
    private final String name;
    private final String handler;

    public SubscriptionView(DeviceView device, String deviceId, String name, String handler) {
        this.device = device;
        this.deviceId = deviceId;
        this.name = name;
        this.handler = handler;
    }

    public DeviceView getDevice() {
        return device;
    }

    public String getDeviceId() {
        return deviceId;
    }

    /** The event, as subscribed: "switch", "switch.on", ... */
    public String getName() {
        return name;
    }

    public String getHandler() {
        return handler;
    }

    @Override
    public String toString() {
        return (device == null ? "" : device.getDisplayName() + " ") + name + " -> " + handler;
    }
}
