package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import hearth.engine.api.AttributeState;
import hearth.engine.api.DeviceEvent;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A classic {@code State} (what {@code currentState("switch")} returns) and, with an id, a classic
 * {@code Event} from {@code device.events()}. Classic states expose {@code value} as a String and
 * offer typed views of it; the JSON form is {@code {"name","value","unit","date"}}.
 */
@SmartAppApi
public final class StateView extends NumberValues {
    private final String id;
    private final String deviceId;
    private final String name;
    private final Object rawValue;
    private final String unit;
    private final Instant date;

    private StateView(String id, String deviceId, String name, Object rawValue, String unit, Instant date) {
        this.id = id;
        this.deviceId = deviceId;
        this.name = name;
        this.rawValue = rawValue;
        this.unit = unit;
        this.date = date;
    }

    public static StateView of(AttributeState s) {
        return new StateView(null, null, s.name(), s.value(), s.unit(), s.date());
    }

    public static StateView of(DeviceEvent e) {
        return new StateView(e.id(), e.deviceId(), e.name(), e.value(), e.unit(), e.date());
    }

    @SmartAppApi
    public String getId() {
        return id;
    }

    @SmartAppApi
    public String getDeviceId() {
        return deviceId;
    }

    @SmartAppApi
    public String getName() {
        return name;
    }

    @SmartAppApi
    public String getValue() {
        return rawValue == null ? null : rawValue.toString();
    }

    @SmartAppApi
    public String getStringValue() {
        return getValue();
    }

    @SmartAppApi
    public String getUnit() {
        return unit;
    }

    @SmartAppApi
    public Date getDate() {
        return Date.from(date);
    }

    @SmartAppApi
    public String getIsoDate() {
        return Json.isoDate(date);
    }

    public Instant instant() {
        return date;
    }

    @Override
    Object valueForNumbers() {
        return rawValue;
    }

    /** The value with its stored type (Number stays a Number), as {@code currentValue} answers. */
    public Object rawValue() {
        return rawValue;
    }

    /** The JSON shape clients of the classic API parse. */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (id != null) {
            m.put("id", id);
        }
        m.put("name", name);
        m.put("value", getValue());
        m.put("unit", unit);
        m.put("date", Json.isoDate(date));
        return m;
    }

    @SmartAppApi
    @Override
    public String toString() {
        return getValue() == null ? "null" : getValue();
    }
}
