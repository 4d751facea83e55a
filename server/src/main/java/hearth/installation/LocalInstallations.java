package hearth.installation;

import hearth.device.Device;
import hearth.device.DeviceRepository;
import hearth.engine.api.HandlerOutcome;
import hearth.engine.api.PreferenceInput;
import hearth.engine.api.SmartApp;
import hearth.location.Location;
import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import hearth.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Installations this process's Server hosts: creating them with checked choices, running
 * their lifecycle, changing their devices, removing them. Callers have checked ownership; token
 * revocation and the audit log are the global side's ({@link InstallationService}).
 */
@Service
public class LocalInstallations {
    private static final Logger log = LoggerFactory.getLogger(LocalInstallations.class);

    private final InstallationRepository installations;
    private final DeviceRepository devices;
    private final SmartAppService apps;
    private final InstallationRuntime runtime;
    private final TransactionOperations transactions;
    private final InstallationTokens tokens;
    private final Clock clock;

    public LocalInstallations(InstallationRepository installations, DeviceRepository devices, SmartAppService apps,
                              InstallationRuntime runtime, TransactionOperations transactions,
                              InstallationTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.installations = installations;
        this.devices = devices;
        this.apps = apps;
        this.runtime = runtime;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Installs the SmartApp with the user's choices, after checking every choice against the
     * SmartApp's inputs: devices must be in the Location and have the input's capability.
     *
     * @param deviceChoices device ids per device input
     * @param values        values of the other inputs, as the form sent them
     */
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
        transactions.executeWithoutResult(tx -> installations.insert(installation));
        // After the commit: installed() may call out over HTTP for as long as its limits allow, and
        // no database transaction should wait for it.
        HandlerOutcome outcome = runtime.lifecycle(installation, SmartApp.Lifecycle.INSTALLED);
        if (outcome instanceof HandlerOutcome.Failure failure) {
            // Classic showed the error and installed nothing; so does Hearth: the Installation and any
            // token its installed() made go, and the user (consent page, API) hears why.
            log.warn("installed() of installation {} failed: {}; it was removed", installation.id(), failure.type());
            tokens.revokeSelfTokens(installation);
            installations.delete(installation.id());
            throw ApiException.badRequest("The app's installed() failed, so nothing was installed: "
                    + failure.type() + (failure.message() == null || failure.message().isBlank() ? ""
                    : ": " + shortened(failure.message())) + ". Its developer can see why in the app's log.");
        }
        return installation;
    }

    private static String shortened(String message) {
        String line = message.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    public List<Installation> byAccount(String accountId) {
        return installations.findByAccount(accountId);
    }

    public List<Installation> bySmartApp(String smartAppId) {
        return installations.findBySmartApp(smartAppId);
    }

    public java.util.Optional<Installation> byId(String id) {
        return installations.findById(id);
    }

    /** Runs uninstalled(), outside any transaction, then deletes the Installation with its device choices. */
    public void uninstall(String id) {
        installations.findById(id).ifPresent(installation -> {
            runtime.lifecycle(installation, SmartApp.Lifecycle.UNINSTALLED);
            installations.delete(installation.id());
        });
    }

    /**
     * Changes which devices each input of the Installation has (the user edits a connected app),
     * after the same checks as {@link #install}, then runs the SmartApp's {@code updated()} as the
     * classic platform did when settings changed. Its tokens stay valid: the user still allows
     * the app, now with other devices, which it reaches at once through the same token.
     * {@code updated()} runs after the change is committed.
     */
    public Installation updateDevices(String id, Map<String, List<String>> deviceChoices) {
        Installation installation = installations.findById(id)
                .orElseThrow(() -> ApiException.notFound("no Installation with id " + id));
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
        transactions.executeWithoutResult(tx -> installations.replaceDevices(installation.id(), chosen));
        Installation updated = new Installation(installation.id(), installation.smartAppId(),
                installation.locationId(), installation.accountId(), installation.label(), installation.settings(),
                chosen, installation.createdAt(), installation.lastUsedAt());
        HandlerOutcome outcome = runtime.lifecycle(updated, SmartApp.Lifecycle.UPDATED);
        if (outcome instanceof HandlerOutcome.Failure failure) {
            log.warn("updated() of installation {} failed: {}", updated.id(), failure.type());
        }
        return updated;
    }

    /** One of the Installation's pages as it reads now; see {@link InstallationRuntime#page}. */
    public java.util.Optional<InstallationPage> page(String id, String name, Map<String, String> params) {
        Installation installation = installations.findById(id)
                .orElseThrow(() -> ApiException.notFound("no Installation with id " + id));
        return runtime.page(installation, name, params).map(page -> InstallationPage.of(page, installation));
    }

    /**
     * The owner saves one of the app's pages: the inputs that page shows now take the form's
     * values (devices after the same checks as {@link #install}; an emptied optional setting is
     * removed), then {@code updated()} runs, as classic did when settings changed. Inputs of other
     * pages keep theirs, so a required input on a page the owner never opened is not forced.
     *
     * @param form the form's fields by input name; a checkbox left unticked is absent
     */
    public Installation updatePage(String id, String name, Map<String, String> params,
                                   Map<String, List<String>> form) {
        InstallationPage page = page(id, name, params)
                .orElseThrow(() -> ApiException.notFound("the app has no page " + name));
        Installation installation = installations.findById(id).orElseThrow();
        Map<String, Device> inLocation = devices.findByLocation(installation.locationId()).stream()
                .collect(Collectors.toMap(Device::id, d -> d));
        Map<String, List<String>> chosen = new LinkedHashMap<>(installation.devices());
        Map<String, Object> settings = new LinkedHashMap<>();
        for (PreferenceInput input : page.inputs()) {
            List<String> sent = form.getOrDefault(input.name(), List.of()).stream().filter(v -> !v.isBlank())
                    .toList();
            if (input.isDevice()) {
                List<String> ids = sent.stream().distinct().toList();
                checkDevices(input, ids, inLocation);
                chosen.remove(input.name());
                if (!ids.isEmpty()) {
                    chosen.put(input.name(), ids);
                }
            } else {
                settings.put(input.name(), InputValues.parse(input, InputValues.formValue(input, sent)));
            }
        }
        String label = page.hasLabel() ? newLabel(form.get(InstallationPage.LABEL_FIELD)) : null;
        transactions.executeWithoutResult(tx -> {
            if (!installations.updateSettings(id, settings, true)) {
                throw ApiException.badRequest("These settings are too large to keep.");
            }
            installations.replaceDevices(id, chosen);
            if (label != null) {
                installations.updateLabel(id, label);
            }
        });
        Installation updated = installations.findById(id).orElseThrow();
        HandlerOutcome outcome = runtime.lifecycle(updated, SmartApp.Lifecycle.UPDATED);
        if (outcome instanceof HandlerOutcome.Failure failure) {
            log.warn("updated() of installation {} failed: {}", updated.id(), failure.type());
        }
        return updated;
    }

    /** The name a page's {@code label} element gave the Installation; null when the form left it out. */
    private static String newLabel(List<String> sent) {
        if (sent == null || sent.isEmpty()) {
            return null;
        }
        String label = sent.get(0).strip();
        if (label.isEmpty() || label.length() > 200) {
            throw ApiException.badRequest("the app's name here must be 1 to 200 characters");
        }
        return label;
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
            if (capability != null && !device.hasCapability(capability)) {
                throw ApiException.badRequest("device '" + device.label() + "' has no capability '" + capability
                        + "' that '" + label(input) + "' asks for");
            }
        }
    }

    private static String label(PreferenceInput input) {
        return input.title() == null || input.title().isBlank() ? input.name() : input.title();
    }

}
