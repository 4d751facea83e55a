package hearth.installation;

import hearth.device.Device;
import hearth.device.DeviceRepository;
import hearth.device.LocalDevices;
import hearth.engine.api.ApiRequest;
import hearth.engine.api.AppEvent;
import hearth.engine.api.AppIntent;
import hearth.engine.api.AttributeState;
import hearth.engine.api.DeviceEvent;
import hearth.engine.api.DeviceHandle;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.InstallationContext;
import hearth.engine.api.LocationInfo;
import hearth.engine.api.SmartApp;
import hearth.engine.api.StateStore;
import hearth.location.Location;
import hearth.location.LocationRepository;
import hearth.server.PublicUrls;
import hearth.smartapp.SmartAppService;
import hearth.support.HearthMetrics;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs an Installation's SmartApp: builds the engine's {@link InstallationContext} from the
 * database, holding only the devices chosen for this Installation, and hands it the call.
 */
@Component
public class InstallationRuntime {
    private final SmartAppService apps;
    private final DeviceRepository deviceRepository;
    private final LocalDevices deviceService;
    private final LocationRepository locations;
    private final InstallationRepository installations;
    private final InstallationTokens tokens;
    private final IntentApplier intents;
    private final SubscriptionRepository subscriptions;
    private final PublicUrls urls;
    private final HearthMetrics metrics;

    public InstallationRuntime(SmartAppService apps, DeviceRepository deviceRepository, LocalDevices deviceService,
                               LocationRepository locations, InstallationRepository installations,
                               InstallationTokens tokens, IntentApplier intents,
                               SubscriptionRepository subscriptions, PublicUrls urls, HearthMetrics metrics) {
        this.metrics = metrics;
        this.apps = apps;
        this.deviceRepository = deviceRepository;
        this.deviceService = deviceService;
        this.locations = locations;
        this.installations = installations;
        this.tokens = tokens;
        this.intents = intents;
        this.subscriptions = subscriptions;
        this.urls = urls;
    }

    /**
     * @param queryToken the token when the client sent it as {@code ?access_token=}, else null:
     *                   classic apps compare {@code params.access_token} with {@code state.accessToken}
     */
    public HandlerOutcome handle(Installation installation, ApiRequest request, String baseUrl, String queryToken) {
        return measured(installation, "api", () -> compiled(installation).handle(request,
                context(installation, baseUrl, queryToken)));
    }

    public HandlerOutcome lifecycle(Installation installation, SmartApp.Lifecycle event) {
        return measured(installation, "lifecycle", () -> compiled(installation).lifecycle(event,
                context(installation, urls.current(), null)));
    }

    /** A subscribed event ({@code event} set) or a scheduled wake-up ({@code event} null). */
    public HandlerOutcome runHandler(Installation installation, String handler, AppEvent event) {
        return measured(installation, event == null ? "schedule" : "event", () -> compiled(installation)
                .runHandler(handler, event, context(installation, urls.current(), null)));
    }

    private HandlerOutcome measured(Installation installation, String kind, Supplier<HandlerOutcome> call) {
        return metrics.smartAppCall(installation.smartAppId(), kind, call, InstallationRuntime::outcome);
    }

    private static String outcome(HandlerOutcome outcome) {
        if (outcome instanceof HandlerOutcome.Failure failure) {
            return failure.type();
        }
        return outcome instanceof HandlerOutcome.Response ? "ok" : outcome instanceof HandlerOutcome.HttpError
                ? "http_error" : "no_mapping";
    }

    private SmartApp compiled(Installation installation) {
        return apps.compiled(apps.forExecution(installation.smartAppId()).orElseThrow());
    }

    private InstallationContext context(Installation installation, String baseUrl, String queryToken) {
        Location location = locations.findById(installation.locationId()).orElseThrow();
        Map<String, Device> chosen = deviceRepository.findByIds(installation.allDeviceIds()).stream()
                .collect(Collectors.toMap(Device::id, Function.identity()));
        LocationInfo info = new LocationInfo(location.id(), location.name(), location.timeZone(), location.mode(),
                Location.MODES, "F");
        return new Context(installation, info, chosen, baseUrl, queryToken);
    }

    private final class Context implements InstallationContext {
        private final Installation installation;
        private final LocationInfo location;
        private final Map<String, VirtualDeviceHandle> handles;
        private final String baseUrl;
        private final String queryToken;

        Context(Installation installation, LocationInfo location, Map<String, Device> chosen, String baseUrl,
                String queryToken) {
            this.installation = installation;
            this.location = location;
            this.handles = chosen.values().stream()
                    .collect(Collectors.toMap(Device::id, VirtualDeviceHandle::new));
            this.baseUrl = baseUrl;
            this.queryToken = queryToken;
        }

        @Override
        public String queryAccessToken() {
            return queryToken;
        }

        @Override
        public String installationId() {
            return installation.id();
        }

        @Override
        public String smartAppId() {
            return installation.smartAppId();
        }

        @Override
        public String label() {
            return installation.label();
        }

        @Override
        public LocationInfo location() {
            return location;
        }

        @Override
        public Map<String, Object> settings() {
            return installation.settings();
        }

        @Override
        public List<DeviceHandle> devices(String inputName) {
            return installation.devices().getOrDefault(inputName, List.of()).stream()
                    .map(handles::get).filter(Objects::nonNull).map(DeviceHandle.class::cast).toList();
        }

        @Override
        public StateStore state() {
            return new StateStore() {
                @Override
                public String load() {
                    return installations.loadState(installation.id());
                }

                @Override
                public void save(String json) {
                    installations.saveState(installation.id(), json);
                }
            };
        }

        @Override
        public String apiServerUrl() {
            return baseUrl;
        }

        @Override
        public String createAccessToken() {
            return tokens.issueSelfToken(installation);
        }

        @Override
        public void revokeAccessToken() {
            tokens.revokeSelfTokens(installation);
        }

        @Override
        public List<AppIntent.Subscribe> subscriptions() {
            return subscriptions.asIntents(installation.id());
        }

        @Override
        public void recordIntent(AppIntent intent) {
            intents.apply(installation, intent);
        }
    }

    /** A chosen device; commands go through {@link LocalDevices}, and the handle sees their effect at once. */
    private final class VirtualDeviceHandle implements DeviceHandle {
        private volatile Device device;

        VirtualDeviceHandle(Device device) {
            this.device = device;
        }

        @Override
        public String id() {
            return device.id();
        }

        @Override
        public String label() {
            return device.label();
        }

        @Override
        public String name() {
            return device.name();
        }

        @Override
        public String typeName() {
            return device.typeName();
        }

        @Override
        public List<String> capabilities() {
            return device.capabilities();
        }

        @Override
        public Map<String, AttributeState> currentStates() {
            return device.attributes();
        }

        @Override
        public synchronized void command(String name, List<Object> arguments) {
            device = deviceService.run(device, name, arguments);
        }

        @Override
        public List<DeviceEvent> events(int max) {
            return deviceService.events(device.id(), Math.max(0, Math.min(max, 200)));
        }
    }
}
