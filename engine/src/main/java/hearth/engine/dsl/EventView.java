package hearth.engine.dsl;

import hearth.engine.api.AppEvent;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code evt} in a subscription handler (classic {@code physicalgraph.app.EventWrapper}). */
public final class EventView extends NumberValues {
    private final AppEvent event;
    private final DeviceView device;

    public EventView(AppEvent event, DeviceView device) {
        this.event = event;
        this.device = device;
    }

    public String getName() {
        return event.name();
    }

    public String getValue() {
        return event.value() == null ? null : event.value().toString();
    }

    public String getStringValue() {
        return getValue();
    }

    public String getUnit() {
        return event.unit();
    }

    public String getDeviceId() {
        return event.deviceId();
    }

    /** The device, when it is one this Installation was given; else null. */
    public DeviceView getDevice() {
        return device;
    }

    public String getDisplayName() {
        return event.displayName() != null ? event.displayName() : device == null ? null : device.getDisplayName();
    }

    public String getDescriptionText() {
        return event.descriptionText();
    }

    public Date getDate() {
        return Date.from(event.date());
    }

    public String getIsoDate() {
        return Json.isoDate(event.date());
    }

    public boolean isPhysical() {
        return false;
    }

    public boolean isDigital() {
        return true;
    }

    public boolean isStateChange() {
        return true;
    }

    @Override
    Object valueForNumbers() {
        return event.value();
    }

    Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", getName());
        m.put("value", getValue());
        m.put("unit", getUnit());
        m.put("deviceId", getDeviceId());
        m.put("displayName", getDisplayName());
        m.put("date", getIsoDate());
        return m;
    }

    @Override
    public String toString() {
        return getName() + ": " + getValue();
    }
}
