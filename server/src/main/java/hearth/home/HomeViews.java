package hearth.home;

import hearth.device.Device;
import hearth.device.global.DeviceService;
import hearth.hub.HubInfo;
import hearth.hub.global.HubService;
import hearth.engine.api.AttributeState;
import hearth.engine.api.DeviceEvent;
import hearth.engine.capability.Capabilities;
import hearth.engine.capability.Capability;
import hearth.engine.capability.Capability.Attribute;
import hearth.installation.Installation;
import hearth.installation.global.InstallationService;
import hearth.location.Location;
import hearth.location.Routine;
import hearth.location.global.LocationService;
import hearth.page.EventLine;
import hearth.support.PageTimes;
import hearth.web.ServerUnavailableException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** What the home and device pages show, in people's words: labels, values with units, times. */
@Component
class HomeViews {
    /** The attributes with a control of their own on the home page; every other one is a reading. */
    static final Set<String> CONTROLLED = Set.of("switch", "level", "lock");
    static final int RECENT_EVENTS = 5;

    private final LocationService locations;
    private final DeviceService devices;
    private final HubService hubs;
    private final InstallationService installations;

    HomeViews(LocationService locations, DeviceService devices, InstallationService installations, HubService hubs) {
        this.hubs = hubs;
        this.locations = locations;
        this.devices = devices;
        this.installations = installations;
    }

    /**
     * A home as the page shows it; {@code unavailable} says why its devices are missing.
     *
     * @param recent each device's latest events, by device id; {@code routines} each with the mode it sets
     * @param hubs   its hubs with their connection status
     */
    record LocationView(String id, String name, String mode, List<String> modes, String timeZone, String server,
                        String unavailable, List<DeviceCard> devices, Map<String, List<EventLine>> recent,
                        List<AppLine> apps, List<Routine> routines, List<HubInfo> hubs) {
    }

    record DeviceCard(String id, String label, String type, String switchState, Integer level, String lockState,
                      List<Reading> readings, String changed) {
    }

    /** One attribute's value with its unit and when it last changed. */
    record Reading(String attribute, String label, String value, String unit, String changed) {
    }

    record AppLine(String id, String name) {
    }

    /** An attribute a person may set by hand on the device page (a sensor's reading). */
    record Settable(String attribute, String label, boolean number, List<String> values, String current) {
    }

    record DevicePage(DeviceCard card, String locationId, String locationName, List<String> capabilities,
                      List<Settable> settable, List<EventLine> events) {
    }

    List<LocationView> home(String accountId) {
        Map<String, List<AppLine>> apps = new LinkedHashMap<>();
        for (Installation i : installations.ownedBy(accountId)) {
            apps.computeIfAbsent(i.locationId(), id -> new ArrayList<>()).add(new AppLine(i.id(), i.label()));
        }
        List<LocationView> result = new ArrayList<>();
        for (Location l : locations.ownedBy(accountId)) {
            List<DeviceCard> cards = List.of();
            Map<String, List<EventLine>> recent = Map.of();
            List<Routine> routines = List.of();
            List<HubInfo> hubList = List.of();
            String unavailable = null;
            try {
                hubList = hubs.inLocation(accountId, l.id());
                cards = devices.inLocation(accountId, l.id()).stream().filter(d -> !d.hidden()).map(HomeViews::card)
                        .toList();
                recent = recentEvents(accountId, l.id());
                routines = locations.routines(accountId, l.id());
            } catch (ServerUnavailableException e) {
                unavailable = "The server '" + e.server() + "' that hosts this Location is not answering; its "
                        + "devices will be back when it is.";
            }
            result.add(new LocationView(l.id(), l.name(), l.mode(), Location.MODES, l.timeZone(), l.serverName(),
                    unavailable, cards, recent, apps.getOrDefault(l.id(), List.of()), routines,
                    hubList));
        }
        return result;
    }

    /** The latest {@value #RECENT_EVENTS} events of each device of the Location, for its cards. */
    private Map<String, List<EventLine>> recentEvents(String accountId, String locationId) {
        Map<String, List<EventLine>> out = new LinkedHashMap<>();
        devices.recentEvents(accountId, locationId, RECENT_EVENTS).forEach((id, events) -> out.put(id,
                events.stream().map(EventLine::of).toList()));
        return out;
    }

    DevicePage device(String accountId, String deviceId) {
        Device device = devices.owned(accountId, deviceId);
        Location location = devices.locationOf(accountId, deviceId);
        List<Capability> capabilities = capabilities(device);
        Set<String> commanded = capabilities.stream().flatMap(c -> c.commands().stream())
                .flatMap(c -> c.effects().stream()).map(Capability.Effect::attribute).collect(Collectors.toSet());
        List<Settable> settable = new ArrayList<>();
        for (Capability capability : capabilities) {
            for (Attribute a : capability.attributes()) {
                boolean number = a.type() == Attribute.Type.NUMBER;
                if (!commanded.contains(a.name()) && (number || a.type() == Attribute.Type.ENUM)) {
                    AttributeState state = device.attributes().get(a.name());
                    settable.add(new Settable(a.name(), label(a.name()), number, a.values(),
                            state == null ? null : text(state.value())));
                }
            }
        }
        List<EventLine> events = devices.events(accountId, deviceId, 20).stream().map(HomeViews::event).toList();
        return new DevicePage(card(device), location.id(), location.name(),
                capabilities.stream().map(Capability::name).toList(), settable, events);
    }

    static DeviceCard card(Device d) {
        Map<String, AttributeState> a = d.attributes();
        List<Reading> readings = a.values().stream().filter(s -> !CONTROLLED.contains(s.name()))
                .sorted(Comparator.comparing(AttributeState::name))
                .map(s -> new Reading(s.name(), label(s.name()), text(s.value()), s.unit(), PageTimes.format(s.date(), "")))
                .toList();
        Instant changed = a.values().stream().map(AttributeState::date).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        Integer level = a.containsKey("level") && a.get("level").value() instanceof Number n ? n.intValue() : null;
        return new DeviceCard(d.id(), d.label(), d.typeName(), d.hasCapability("switch") ? value(a, "switch") : null,
                d.hasCapability("switchLevel") ? (level == null ? 0 : level) : null,
                d.hasCapability("lock") ? value(a, "lock") : null, readings, PageTimes.format(changed, "never"));
    }

    static EventLine event(DeviceEvent e) {
        return EventLine.of(e);
    }

    private static String value(Map<String, AttributeState> attributes, String name) {
        AttributeState state = attributes.get(name);
        return state == null || state.value() == null ? "unknown" : text(state.value());
    }

    static String text(Object value) {
        return EventLine.text(value);
    }

    /** "carbonMonoxide" → "Carbon monoxide". */
    static String label(String attribute) {
        return EventLine.label(attribute);
    }

    private static List<Capability> capabilities(Device device) {
        return device.capabilities().stream().map(id -> Capabilities.find(id).orElseThrow()).toList();
    }
}
