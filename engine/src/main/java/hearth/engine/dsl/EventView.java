package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import hearth.engine.api.AppEvent;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code evt} in a subscription handler (classic {@code physicalgraph.app.EventWrapper}). */
@SmartAppApi
public final class EventView extends NumberValues {
    private final AppEvent event;
    private final DeviceView device;
    private final String id;

    public EventView(AppEvent event, DeviceView device) {
        this(event, device, null);
    }

    /** An event read from the history ({@code device.events()}): with the id the host stored it under. */
    public EventView(AppEvent event, DeviceView device, String id) {
        this.event = event;
        this.device = device;
        this.id = id;
    }

    /** The stored event's id; null for an event delivered to a handler. */
    @SmartAppApi
    public String getId() {
        return id;
    }

    /** Where the event came from: a device's, else the Location's. */
    @SmartAppApi
    public String getSource() {
        return event.deviceId() != null ? "DEVICE" : "LOCATION";
    }

    @SmartAppApi
    public String getName() {
        return event.name();
    }

    @SmartAppApi
    public String getValue() {
        return event.value() == null ? null : event.value().toString();
    }

    @SmartAppApi
    public String getStringValue() {
        return getValue();
    }

    @SmartAppApi
    public String getUnit() {
        return event.unit();
    }

    @SmartAppApi
    public String getDeviceId() {
        return event.deviceId();
    }

    /** The device, when it is one this Installation was given; else null. */
    @SmartAppApi
    public DeviceView getDevice() {
        return device;
    }

    @SmartAppApi
    public String getDisplayName() {
        return event.displayName() != null ? event.displayName() : device == null ? null : device.getDisplayName();
    }

    @SmartAppApi
    public String getDescriptionText() {
        return event.descriptionText();
    }

    /** Classic {@code evt.description}: the raw message the device sent (a Z-Wave report); Hearth's devices send none. */
    @SmartAppApi
    public String getDescription() {
        return null;
    }

    @SmartAppApi
    public Date getDate() {
        return Date.from(event.date());
    }

    @SmartAppApi
    public String getIsoDate() {
        return Json.isoDate(event.date());
    }

    @SmartAppApi
    public boolean isPhysical() {
        return false;
    }

    @SmartAppApi
    public boolean isDigital() {
        return true;
    }

    @SmartAppApi
    public boolean isStateChange() {
        return true;
    }

    @Override
    Object valueForNumbers() {
        return event.value();
    }

    Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (id != null) {
            m.put("id", id);
        }
        m.put("name", getName());
        m.put("value", getValue());
        m.put("unit", getUnit());
        m.put("deviceId", getDeviceId());
        m.put("displayName", getDisplayName());
        m.put("date", getIsoDate());
        return m;
    }

    @SmartAppApi
    @Override
    public String toString() {
        return getName() + ": " + getValue();
    }
}
