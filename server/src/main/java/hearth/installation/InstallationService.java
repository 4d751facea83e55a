package hearth.installation;

import hearth.audit.AuditEvent;
import hearth.audit.AuditLog;
import hearth.device.Device;
import hearth.device.DeviceRepository;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.PreferenceInput;
import hearth.engine.api.SmartApp;
import hearth.engine.capability.Capabilities;
import hearth.location.Location;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import hearth.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Service
public class InstallationService {
    private static final Logger log = LoggerFactory.getLogger(InstallationService.class);

    private final InstallationRepository installations;
    private final DeviceRepository devices;
    private final SmartAppService apps;
    private final InstallationRuntime runtime;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    public InstallationService(InstallationRepository installations, DeviceRepository devices, SmartAppService apps,
                               InstallationRuntime runtime, ApplicationEventPublisher events, AuditLog audit,
                               Clock clock) {
        this.installations = installations;
        this.devices = devices;
        this.apps = apps;
        this.runtime = runtime;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Installs the SmartApp with the user's choices, after checking every choice against the
     * SmartApp's inputs: devices must be in the Location and have the input's capability.
     *
     * @param deviceChoices device ids per device input
     * @param values        values of the other inputs, as the form sent them
     */
    @Transactional
    public Installation install(String accountId, SmartAppRecord app, Location location,
                                Map<String, List<String>> deviceChoices, Map<String, String> values) {
        SmartApp compiled = apps.compiled(app);
        Map<String, Device> inLocation = devices.findByLocation(location.id()).stream()
                .collect(Collectors.toMap(Device::id, d -> d));
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        for (PreferenceInput input : compiled.inputs()) {
            if (input.isDevice()) {
                List<String> ids = deviceChoices.getOrDefault(input.name(), List.of()).stream().distinct().toList();
                checkDevices(input, ids, inLocation);
                if (!ids.isEmpty()) {
                    chosen.put(input.name(), ids);
                }
            } else {
                Object value = InputValues.parse(input, values.get(input.name()));
                if (value != null) {
                    settings.put(input.name(), value);
                }
            }
        }
        Installation installation = new Installation(UUID.randomUUID().toString(), app.id(), location.id(), accountId,
                compiled.definition().displayName(), settings, chosen, clock.instant(), null);
        installations.insert(installation);
        HandlerOutcome outcome = runtime.lifecycle(installation, SmartApp.Lifecycle.INSTALLED);
        if (outcome instanceof HandlerOutcome.Failure failure) {
            log.warn("installed() of installation {} failed: {}", installation.id(), failure.type());
        }
        return installation;
    }

    public List<Installation> ownedBy(String accountId) {
        return installations.findByAccount(accountId);
    }

    public Installation owned(String accountId, String id) {
        return installations.findById(id).filter(i -> i.accountId().equals(accountId))
                .orElseThrow(() -> ApiException.notFound("you have no Installation with id " + id));
    }

    /** Removes the Installation (the user disconnects the app): runs uninstalled(), revokes its tokens. */
    @Transactional
    public void remove(String accountId, String id) {
        Installation installation = owned(accountId, id);
        runtime.lifecycle(installation, SmartApp.Lifecycle.UNINSTALLED);
        events.publishEvent(new InstallationRemoved(installation.id()));
        audit.record(accountId, AuditEvent.Type.INSTALLATION_REMOVED, "disconnected installation " + installation.id()
                + " (" + installation.label() + "); its tokens were revoked");
        installations.delete(installation.id());
    }

    /**
     * Changes which devices each input of the Installation has (the user edits a connected app),
     * after the same checks as {@link #install}, then runs the SmartApp's {@code updated()} as the
     * classic platform did when settings changed. Its tokens stay valid: the user still allows
     * the app, now with other devices, which it reaches at once through the same token.
     */
    @Transactional
    public Installation updateDevices(String accountId, String id, Map<String, List<String>> deviceChoices) {
        Installation installation = owned(accountId, id);
        SmartAppRecord app = apps.byId(installation.smartAppId()).orElseThrow();
        Map<String, Device> inLocation = devices.findByLocation(installation.locationId()).stream()
                .collect(Collectors.toMap(Device::id, d -> d));
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        for (PreferenceInput input : apps.compiled(app).inputs()) {
            if (input.isDevice()) {
                List<String> ids = deviceChoices.getOrDefault(input.name(), List.of()).stream().distinct().toList();
                checkDevices(input, ids, inLocation);
                if (!ids.isEmpty()) {
                    chosen.put(input.name(), ids);
                }
            }
        }
        installations.replaceDevices(installation.id(), chosen);
        Installation updated = new Installation(installation.id(), installation.smartAppId(),
                installation.locationId(), installation.accountId(), installation.label(), installation.settings(),
                chosen, installation.createdAt(), installation.lastUsedAt());
        HandlerOutcome outcome = runtime.lifecycle(updated, SmartApp.Lifecycle.UPDATED);
        if (outcome instanceof HandlerOutcome.Failure failure) {
            log.warn("updated() of installation {} failed: {}", updated.id(), failure.type());
        }
        return updated;
    }

    /** The Installations of a SmartApp the account owns, for its developer (any account's). */
    public List<Installation> ofSmartApp(String ownerId, String smartAppId) {
        SmartAppRecord app = apps.owned(ownerId, smartAppId);
        return installations.findBySmartApp(app.id());
    }

    private static void checkDevices(PreferenceInput input, List<String> ids, Map<String, Device> inLocation) {
        if (input.required() && ids.isEmpty()) {
            throw ApiException.badRequest("choose at least one device for '" + label(input) + "'");
        }
        if (!input.multiple() && ids.size() > 1) {
            throw ApiException.badRequest("'" + label(input) + "' takes one device, " + ids.size() + " were chosen");
        }
        String capability = input.capability();
        for (String id : ids) {
            Device device = inLocation.get(id);
            if (device == null) {
                throw ApiException.badRequest("device " + id + " is not in the chosen Location");
            }
            if (capability != null && !hasCapability(device, capability)) {
                throw ApiException.badRequest("device '" + device.label() + "' has no capability '" + capability
                        + "' that '" + label(input) + "' asks for");
            }
        }
    }

    public static boolean hasCapability(Device device, String capability) {
        String id = Capabilities.find(capability).map(c -> c.id()).orElse(capability);
        return device.capabilities().contains(id);
    }

    /** Devices of the Location that fit each device input, for the consent page. */
    public Map<PreferenceInput, List<Device>> candidates(SmartAppRecord app, Location location) {
        List<Device> all = devices.findByLocation(location.id());
        Map<PreferenceInput, List<Device>> result = new LinkedHashMap<>();
        for (PreferenceInput input : apps.compiled(app).inputs()) {
            if (input.isDevice()) {
                String capability = input.capability();
                List<Device> fitting = new ArrayList<>();
                for (Device d : all) {
                    if (capability == null || hasCapability(d, capability)) {
                        fitting.add(d);
                    }
                }
                result.put(input, fitting);
            }
        }
        return result;
    }

    public List<PreferenceInput> valueInputs(SmartAppRecord app) {
        return apps.compiled(app).inputs().stream().filter(i -> !i.isDevice()).toList();
    }

    private static String label(PreferenceInput input) {
        return input.title() == null || input.title().isBlank() ? input.name() : input.title();
    }

}
