package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
/**
 * One entry of {@code app.subscriptions}: one device (null for location or app subscriptions)
 * with the event name and the handler it runs.
 */
@SmartAppApi
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

    @SmartAppApi
    public DeviceView getDevice() {
        return device;
    }

    @SmartAppApi
    public String getDeviceId() {
        return deviceId;
    }

    /** The event, as subscribed: "switch", "switch.on", ... */
    @SmartAppApi
    public String getName() {
        return name;
    }

    @SmartAppApi
    public String getHandler() {
        return handler;
    }

    @SmartAppApi
    @Override
    public String toString() {
        return (device == null ? "" : device.getDisplayName() + " ") + name + " -> " + handler;
    }
}
