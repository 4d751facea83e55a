package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import hearth.engine.api.AppEvent;
import hearth.engine.api.EventQuery;
import hearth.engine.api.LocationInfo;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;

/**
 * {@code location} in a SmartApp. Changing the mode is asked of the host ({@code setMode} hands the
 * wish on, see AppIntent.SetLocationMode) and holds for the rest of the call, as on the classic
 * platform, where the change was made at once; a mode the Location lacks is refused then and there.
 */
@SmartAppApi
public final class LocationView {
    private final LocationInfo info;
    private final java.util.function.Consumer<String> modeRequests;
    private final Function<EventQuery, List<AppEvent>> history;
    /** The mode as this call sees it: the snapshot's, then what the app set. */
    private volatile String mode;
    private final HelloHomeView helloHome;
    private final java.util.function.Supplier<List<hearth.engine.api.HubSnapshot>> hubs;

    public LocationView(LocationInfo info, java.util.function.Consumer<String> modeRequests) {
        this(info, modeRequests, query -> List.of());
    }

    /** @param history the Location's recorded events (mode changes) a query asks for, newest first */
    public LocationView(LocationInfo info, java.util.function.Consumer<String> modeRequests,
                        Function<EventQuery, List<AppEvent>> history) {
        this(info, modeRequests, history, List::of, routine -> {
            throw new IllegalStateException("routines can't run while the app is registered");
        }, List::of);
    }

    /**
     * {@code routines} is asked for when the app first reads {@code location.helloHome}; a routine
     * run goes to {@code routineRuns}, and the mode it sets holds for the rest of the call.
     * {@code hubs} (the Location's real hubs) is asked for when the app first reads {@code location.hubs}.
     */
    public LocationView(LocationInfo info, java.util.function.Consumer<String> modeRequests,
                        Function<EventQuery, List<AppEvent>> history,
                        java.util.function.Supplier<List<hearth.engine.api.RoutineInfo>> routines,
                        java.util.function.Consumer<hearth.engine.api.RoutineInfo> routineRuns,
                        java.util.function.Supplier<List<hearth.engine.api.HubSnapshot>> hubs) {
        this.hubs = hubs;
        this.info = info;
        this.modeRequests = modeRequests;
        this.history = history;
        this.mode = info.mode();
        this.helloHome = new HelloHomeView(memoized(routines), routine -> {
            routineRuns.accept(routine);
            if (routine.mode() != null) {
                this.mode = routine.mode();
            }
        });
    }

    private static <T> java.util.function.Supplier<T> memoized(java.util.function.Supplier<T> source) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = source.get();
                }
                return value;
            }
        };
    }

    // ---- history (classic location.events(), eventsSince, eventsBetween): mode changes, newest first ----

    @SmartAppApi
    public List<EventView> events() {
        return events(Map.of());
    }

    @SmartAppApi
    public List<EventView> events(Map<String, ?> options) {
        return events(History.query(null, null, null, options));
    }

    @SmartAppApi
    public List<EventView> eventsSince(Date since) {
        return eventsSince(since, Map.of());
    }

    @SmartAppApi
    public List<EventView> eventsSince(Date since, Map<String, ?> options) {
        return events(History.query(null, since, null, options));
    }

    @SmartAppApi
    public List<EventView> eventsSince(Map<String, ?> options, Date since) {
        return eventsSince(since, options);
    }

    @SmartAppApi
    public List<EventView> eventsBetween(Date start, Date end) {
        return eventsBetween(start, end, Map.of());
    }

    @SmartAppApi
    public List<EventView> eventsBetween(Date start, Date end, Map<String, ?> options) {
        return events(History.query(null, start, end, options));
    }

    @SmartAppApi
    public List<EventView> eventsBetween(Map<String, ?> options, Date start, Date end) {
        return eventsBetween(start, end, options);
    }

    private List<EventView> events(EventQuery query) {
        if (query.max() == 0) {
            return List.of();
        }
        return history.apply(query).stream().filter(e -> query.matches(e.name(), e.date())).limit(query.max())
                .map(e -> new EventView(e.displayName() != null ? e : new AppEvent(e.name(), e.value(), e.unit(),
                        null, info.name(), e.date(), e.descriptionText()), null))
                .toList();
    }

    @SmartAppApi
    public void setMode(String mode) {
        if (mode == null || !info.modes().isEmpty() && !info.modes().contains(mode)) {
            throw new IllegalArgumentException("'" + mode + "' is not a mode of Location '" + info.name()
                    + "'; its modes are " + String.join(", ", info.modes()));
        }
        modeRequests.accept(mode);
        this.mode = mode;
    }

    /** Classic {@code location.currentState("mode")}; other location attributes (Smart Home Monitor's) are null. */
    @SmartAppApi
    public StateView currentState(String attribute) {
        return "mode".equals(attribute) && mode != null
                ? StateView.of(new hearth.engine.api.AttributeState("mode", mode, null, java.time.Instant.now()))
                : null;
    }

    @SmartAppApi
    public Object currentValue(String attribute) {
        StateView state = currentState(attribute);
        return state == null ? null : state.getValue();
    }

    /** Classic routines: {@code location.helloHome?.getPhrases()*.label}, {@code location.helloHome.execute(label)}. */
    @SmartAppApi
    public HelloHomeView getHelloHome() {
        return helloHome;
    }

    /**
     * Classic {@code location.activeIncidents}: Smart Home Monitor's open incidents. Hearth has no
     * Smart Home Monitor, so there are none (an empty list, as a classic Location without incidents).
     */
    @SmartAppApi
    public List<Object> getActiveIncidents() {
        return List.of();
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
        return mode;
    }

    @SmartAppApi
    public ModeView getCurrentMode() {
        return mode == null ? null : new ModeView(mode);
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

    /**
     * The Location's real hubs in the order they were added, then its virtual hub (see HubView), so
     * that {@code location.hubs[0]} is a real hub when there is one and a hub in any case.
     */
    @SmartAppApi
    public List<HubView> getHubs() {
        List<HubView> out = new java.util.ArrayList<>();
        hubs.get().forEach(h -> out.add(new HubView(h)));
        out.add(new HubView(info.id()));
        return List.copyOf(out);
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
