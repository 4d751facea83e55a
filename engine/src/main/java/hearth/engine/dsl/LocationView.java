package hearth.engine.dsl;

import hearth.engine.api.LocationInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/** {@code location} in a SmartApp. Read-only: changing the mode is the host's business. */
public final class LocationView {
    private final LocationInfo info;

    public LocationView(LocationInfo info) {
        this.info = info;
    }

    public String getId() {
        return info.id();
    }

    public String getName() {
        return info.name();
    }

    public String getMode() {
        return info.mode();
    }

    public ModeView getCurrentMode() {
        return info.mode() == null ? null : new ModeView(info.mode());
    }

    public List<ModeView> getModes() {
        return info.modes().stream().map(ModeView::new).toList();
    }

    public TimeZone getTimeZone() {
        return info.timeZone() == null ? null : TimeZone.getTimeZone(info.timeZone());
    }

    public String getTemperatureScale() {
        return info.temperatureScale();
    }

    Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", getId());
        m.put("name", getName());
        m.put("mode", getMode());
        m.put("timeZone", info.timeZone());
        m.put("temperatureScale", getTemperatureScale());
        return m;
    }

    @Override
    public String toString() {
        return getName();
    }
}
