package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import hearth.engine.api.LocationInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/**
 * {@code location} in a SmartApp. Changing the mode is only asked for ({@code setMode} hands the
 * wish to the host, see AppIntent.SetLocationMode); routines ({@code helloHome}) don't exist here.
 */
@SmartAppApi
public final class LocationView {
    private final LocationInfo info;
    private final java.util.function.Consumer<String> modeRequests;

    public LocationView(LocationInfo info, java.util.function.Consumer<String> modeRequests) {
        this.info = info;
        this.modeRequests = modeRequests;
    }

    @SmartAppApi
    public void setMode(String mode) {
        modeRequests.accept(mode);
    }

    /** Classic routines; none on Hearth, so {@code location.helloHome?.getPhrases()} is null. */
    @SmartAppApi
    public Object getHelloHome() {
        return null;
    }

    @SmartAppApi
    public String getId() {
        return info.id();
    }

    @SmartAppApi
    public String getName() {
        return info.name();
    }

    @SmartAppApi
    public String getMode() {
        return info.mode();
    }

    @SmartAppApi
    public ModeView getCurrentMode() {
        return info.mode() == null ? null : new ModeView(info.mode());
    }

    @SmartAppApi
    public List<ModeView> getModes() {
        return info.modes().stream().map(ModeView::new).toList();
    }

    @SmartAppApi
    public TimeZone getTimeZone() {
        return info.timeZone() == null ? null : TimeZone.getTimeZone(info.timeZone());
    }

    @SmartAppApi
    public String getTemperatureScale() {
        return info.temperatureScale();
    }

    /** Not kept by Hearth; classic apps read them and cope with null. */
    @SmartAppApi
    public Double getLatitude() {
        return null;
    }

    @SmartAppApi
    public Double getLongitude() {
        return null;
    }

    @SmartAppApi
    public String getZipCode() {
        return null;
    }

    /** One virtual hub (see HubView): Hearth has none, but apps index {@code location.hubs[0]}. */
    @SmartAppApi
    public List<HubView> getHubs() {
        return List.of(new HubView(info.id()));
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

    @SmartAppApi
    @Override
    public String toString() {
        return getName();
    }
}
