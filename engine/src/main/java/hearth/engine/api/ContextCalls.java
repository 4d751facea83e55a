package hearth.engine.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A call for a host that keeps its Installation in an {@link InstallationContext}: the snapshot is
 * read from the context before the call, on the caller's thread, and the effects are handed back
 * to it after the call, in one go, on the caller's thread too.
 */
final class ContextCalls {
    private static final Logger APP_LOG = LoggerFactory.getLogger("hearth.smartapp");
    private static final Logger OUTBOUND_LOG = LoggerFactory.getLogger("hearth.smartapp.outbound");

    private ContextCalls() {
    }

    static CallResult run(SmartApp app, InstallationContext context, Call call) {
        Map<String, DeviceHandle> handles = new LinkedHashMap<>();
        InstallationSnapshot snapshot;
        try {
            snapshot = snapshot(app, context, handles);
        } catch (RuntimeException e) {
            return new CallResult(new HandlerOutcome.Failure(e.getClass().getSimpleName(),
                    "could not prepare the call: " + e.getMessage(), e), CallEffects.NONE);
        }
        CallResult result = app.call(snapshot, call, new CallPorts() {
            @Override
            public List<DeviceEvent> deviceEvents(String deviceId, EventQuery query) {
                DeviceHandle handle = handles.get(deviceId);
                return handle == null ? List.of() : handle.events(query);
            }

            @Override
            public List<AppEvent> locationEvents(EventQuery query) {
                return context.locationEvents(query);
            }

            @Override
            public List<RoutineInfo> routines() {
                return context.routines();
            }

            @Override
            public List<AppIntent.Subscribe> subscriptions() {
                return context.subscriptions();
            }

            @Override
            public String createAccessToken() {
                return context.createAccessToken();
            }

            @Override
            public void revokeAccessToken() {
                context.revokeAccessToken();
            }
        });
        try {
            apply(result.effects(), context, handles);
        } catch (RuntimeException e) {
            if (!(result.outcome() instanceof HandlerOutcome.Failure)) {
                return new CallResult(new HandlerOutcome.Failure(e.getClass().getSimpleName(), e.getMessage(), e),
                        result.effects());
            }
        }
        return result;
    }

    private static InstallationSnapshot snapshot(SmartApp app, InstallationContext context,
                                                 Map<String, DeviceHandle> handles) {
        Set<String> inputs = new LinkedHashSet<>();
        app.inputs().stream().filter(PreferenceInput::isDevice).map(PreferenceInput::name).forEach(inputs::add);
        inputs.addAll(context.deviceInputNames());
        Map<String, List<DeviceSnapshot>> devices = new LinkedHashMap<>();
        for (String input : inputs) {
            List<DeviceHandle> chosen = context.devices(input);
            if (!chosen.isEmpty()) {
                chosen.forEach(h -> handles.put(h.id(), h));
                devices.put(input, chosen.stream().map(h -> new DeviceSnapshot(h.id(), h.label(), h.name(),
                        h.typeName(), h.capabilities(), h.currentStates())).toList());
            }
        }
        return new InstallationSnapshot(context.installationId(), context.smartAppId(), context.label(),
                context.location(), context.settings(), devices, context.state().load(), context.apiServerUrl());
    }

    private static void apply(CallEffects effects, InstallationContext context, Map<String, DeviceHandle> handles) {
        effects.log().forEach(line -> line.writeTo(APP_LOG, context.installationId()));
        effects.outbound().forEach(request -> request.writeTo(OUTBOUND_LOG));
        for (DeviceCommand command : effects.commands()) {
            handles.get(command.deviceId()).command(command.command(), command.arguments());
        }
        if (effects.state() != null) {
            context.state().save(effects.state());
        }
        effects.intents().forEach(context::recordIntent);
    }
}
