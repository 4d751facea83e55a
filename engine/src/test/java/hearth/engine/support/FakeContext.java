package hearth.engine.support;

import hearth.engine.api.AppIntent;
import hearth.engine.api.DeviceHandle;
import hearth.engine.api.InstallationContext;
import hearth.engine.api.LocationInfo;
import hearth.engine.api.StateStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An Installation held in memory. */
public final class FakeContext implements InstallationContext {
    public final String installationId;
    public final Map<String, Object> settings = new LinkedHashMap<>();
    public final Map<String, List<DeviceHandle>> devices = new LinkedHashMap<>();
    public final MemoryState state = new MemoryState();
    public final List<AppIntent> intents = new ArrayList<>();
    public final AtomicInteger tokensCreated = new AtomicInteger();
    public final AtomicInteger tokensRevoked = new AtomicInteger();
    public LocationInfo location = new LocationInfo("loc-1", "Home", "Europe/Berlin", "Home",
            List.of("Home", "Away", "Night"), "C");

    /** The Location's routines, as a host with the classic defaults answers them. */
    public List<hearth.engine.api.RoutineInfo> routines = List.of(
            new hearth.engine.api.RoutineInfo("r-morning", "Good Morning!", "Home"),
            new hearth.engine.api.RoutineInfo("r-goodbye", "Goodbye!", "Away"),
            new hearth.engine.api.RoutineInfo("r-night", "Good Night!", "Night"),
            new hearth.engine.api.RoutineInfo("r-back", "I'm Back!", "Home"));

    @Override
    public List<hearth.engine.api.RoutineInfo> routines() {
        return routines;
    }

    /** What the host would report as the ?access_token= of the current call. */
    public String queryToken;

    public FakeContext(String installationId) {
        this.installationId = installationId;
    }

    public FakeContext() {
        this("inst-1");
    }

    public FakeContext with(String input, DeviceHandle... handles) {
        devices.put(input, List.of(handles));
        return this;
    }

    public FakeContext setting(String name, Object value) {
        settings.put(name, value);
        return this;
    }

    @Override
    public String installationId() {
        return installationId;
    }

    @Override
    public String smartAppId() {
        return "app-1";
    }

    @Override
    public String label() {
        return "My App";
    }

    @Override
    public LocationInfo location() {
        return location;
    }

    @Override
    public Map<String, Object> settings() {
        return settings;
    }

    @Override
    public List<DeviceHandle> devices(String inputName) {
        return devices.getOrDefault(inputName, List.of());
    }

    @Override
    public java.util.Collection<String> deviceInputNames() {
        return devices.keySet();
    }

    @Override
    public StateStore state() {
        return state;
    }

    @Override
    public String apiServerUrl() {
        return "https://eu01.example.com";
    }

    @Override
    public String createAccessToken() {
        return "token-" + tokensCreated.incrementAndGet();
    }

    @Override
    public void revokeAccessToken() {
        tokensRevoked.incrementAndGet();
    }

    @Override
    public String queryAccessToken() {
        return queryToken;
    }

    /** What the recorded intents leave subscribed, as a host would keep it. */
    @Override
    public List<AppIntent.Subscribe> subscriptions() {
        List<AppIntent.Subscribe> held = new ArrayList<>();
        for (AppIntent i : intents) {
            if (i instanceof AppIntent.UnsubscribeAll) {
                held.clear();
            } else if (i instanceof AppIntent.Subscribe s) {
                held.add(s);
            }
        }
        return held;
    }

    /** The Location's history (mode changes), newest first, as the host would keep it. */
    public final List<hearth.engine.api.AppEvent> locationEvents = new ArrayList<>();

    @Override
    public List<hearth.engine.api.AppEvent> locationEvents(hearth.engine.api.EventQuery query) {
        return locationEvents.stream().filter(e -> query.matches(e.name(), e.date())).limit(query.max()).toList();
    }

    @Override
    public void recordIntent(AppIntent intent) {
        intents.add(intent);
    }

    public static final class MemoryState implements StateStore {
        public volatile String json;
        public final AtomicInteger saves = new AtomicInteger();

        @Override
        public String load() {
            return json;
        }

        @Override
        public void save(String json) {
            this.json = json;
            saves.incrementAndGet();
        }
    }
}
