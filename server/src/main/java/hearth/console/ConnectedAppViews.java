package hearth.console;

import hearth.device.Device;
import hearth.device.global.DeviceService;
import hearth.engine.api.DeviceEvent;
import hearth.engine.api.PreferenceInput;
import hearth.installation.Installation;
import hearth.installation.global.InstallationService;
import hearth.location.Location;
import hearth.location.global.LocationService;
import hearth.page.EventLine;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import hearth.support.PageTimes;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the "Connected apps" pages show of an account's Installations, in people's words (names, labels, times). */
@Component
class ConnectedAppViews {
    private static final int RECENT_EVENTS = 5;
    private final InstallationService installations;
    private final SmartAppService apps;
    private final LocationService locations;
    private final DeviceService devices;

    ConnectedAppViews(InstallationService installations, SmartAppService apps, LocationService locations,
                      DeviceService devices) {
        this.installations = installations;
        this.apps = apps;
        this.locations = locations;
        this.devices = devices;
    }

    /**
     * One connected app: which devices it reaches per input, and when it was connected and last used.
     *
     * @param recent the latest events of each device it reaches (what it has been hearing)
     */
    record ConnectedApp(String id, String appName, String locationName, List<InputDevices> inputs, String created,
                        String lastUsed, List<DeviceEvents> recent) {
    }

    record DeviceEvents(String id, String label, List<EventLine> events) {
    }

    record InputDevices(String title, List<String> devices) {
    }

    /** The edit form: each device input with every device of the Location that fits it. */
    record DeviceForm(String id, String appName, String locationName, List<InputChoice> inputs) {
    }

    record InputChoice(String name, String title, boolean multiple, boolean required, List<DeviceChoice> devices) {
    }

    record DeviceChoice(String id, String label, boolean checked) {
    }

    /**
     * One of an Installation's own pages (issue 17), with the devices that fit each of its device
     * inputs and which links are web addresses a browser may open (http or https only).
     */
    record AppPageView(String id, String appName, String locationName, hearth.installation.InstallationPage page,
                       Map<String, InputChoice> deviceInputs, Map<String, String> values, Map<String, String> params,
                       List<String> modes) {
        public boolean webAddress(String url) {
            return url != null && (url.startsWith("https://") || url.startsWith("http://"));
        }

        /** Where the page form posts: the page itself, with the params it was opened with. */
        public String action() {
            return link(page.name(), params);
        }

        /** The app's page {@code name}, handed {@code params} as classic's href(page:, params:) did. */
        public String link(String name, Map<String, String> params) {
            return pageLink(id, name, params);
        }
    }

    /** The address of an Installation's page ({@code ""}: preferences without pages), with its params as the query. */
    static String pageLink(String id, String name, Map<String, String> params) {
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        StringBuilder link = new StringBuilder("/apps/").append(UriUtils.encodePathSegment(id, utf8))
                .append(name.isEmpty() ? "/page" : "/pages/" + UriUtils.encodePathSegment(name, utf8));
        String separator = "?";
        for (Map.Entry<String, String> p : params.entrySet()) {
            link.append(separator).append(UriUtils.encodeQueryParam(p.getKey(), utf8)).append('=')
                    .append(UriUtils.encodeQueryParam(p.getValue() == null ? "" : p.getValue(), utf8));
            separator = "&";
        }
        return link.toString();
    }

    AppPageView page(String accountId, String installationId, String name, Map<String, String> params) {
        Installation installation = installations.owned(accountId, installationId);
        Location location = locations.owned(accountId, installation.locationId());
        hearth.installation.InstallationPage page = installations.page(accountId, installationId, name, params);
        Map<String, InputChoice> deviceInputs = new java.util.LinkedHashMap<>();
        installations.candidates(page.inputs().stream().filter(PreferenceInput::isDevice).toList(), location)
                .forEach((input, fitting) -> deviceInputs.put(input.name(), new InputChoice(input.name(),
                        title(input), input.multiple(), input.required(), fitting.stream().map(d -> new DeviceChoice(
                        d.id(), d.label(), installation.devices().getOrDefault(input.name(), List.of())
                        .contains(d.id()))).toList())));
        return new AppPageView(installation.id(), installation.label(), location.name(), page, deviceInputs,
                page.values(), params, Location.MODES);
    }

    List<ConnectedApp> connectedApps(String accountId) {
        return installations.ownedBy(accountId).stream().map(i -> connectedApp(accountId, i)).toList();
    }

    DeviceForm deviceForm(String accountId, String installationId, Map<String, List<String>> chosen) {
        Installation installation = installations.owned(accountId, installationId);
        Location location = locations.owned(accountId, installation.locationId());
        SmartAppRecord app = apps.byId(installation.smartAppId()).orElseThrow();
        Map<String, List<String>> checked = chosen == null ? installation.devices() : chosen;
        List<InputChoice> inputs = new ArrayList<>();
        installations.candidates(app, location).forEach((input, fitting) -> inputs.add(new InputChoice(input.name(),
                title(input), input.multiple(), input.required(), fitting.stream().map(d -> new DeviceChoice(d.id(),
                d.label(), checked.getOrDefault(input.name(), List.of()).contains(d.id()))).toList())));
        return new DeviceForm(installation.id(), installation.label(), location.name(), inputs);
    }

    /** The names of the device inputs, which are the form fields the edit form posts. */
    List<String> deviceInputNames(String accountId, String installationId) {
        Installation installation = installations.owned(accountId, installationId);
        SmartAppRecord app = apps.byId(installation.smartAppId()).orElseThrow();
        return apps.compiled(app).inputs().stream().filter(PreferenceInput::isDevice).map(PreferenceInput::name)
                .toList();
    }

    private ConnectedApp connectedApp(String accountId, Installation installation) {
        Location location = locations.owned(accountId, installation.locationId());
        Map<String, Device> byId = devices.inLocation(accountId, location.id()).stream()
                .collect(Collectors.toMap(Device::id, Function.identity()));
        SmartAppRecord app = apps.byId(installation.smartAppId()).orElseThrow();
        List<InputDevices> inputs = new ArrayList<>();
        Map<String, List<DeviceEvent>> events = devices.recentEvents(accountId, location.id(), RECENT_EVENTS);
        Map<String, DeviceEvents> recent = new LinkedHashMap<>();
        for (PreferenceInput input : apps.compiled(app).inputs()) {
            List<String> ids = installation.devices().getOrDefault(input.name(), List.of());
            if (input.isDevice() && !ids.isEmpty()) {
                inputs.add(new InputDevices(title(input), ids.stream().map(byId::get)
                        .map(d -> d == null ? "(a removed device)" : d.label()).toList()));
                ids.stream().map(byId::get).filter(Objects::nonNull).forEach(d -> recent.computeIfAbsent(d.id(),
                        id -> new DeviceEvents(id, d.label(), events.getOrDefault(id, List.of()).stream()
                                .map(EventLine::of).toList())));
            }
        }
        return new ConnectedApp(installation.id(), installation.label(), location.name(), inputs,
                PageTimes.format(installation.createdAt(), ""), PageTimes.format(installation.lastUsedAt(), "never"),
                List.copyOf(recent.values()));
    }

    private static String title(PreferenceInput input) {
        return input.title() == null || input.title().isBlank() ? input.name() : input.title();
    }
}
