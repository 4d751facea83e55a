package hearth.installation;

import hearth.device.Device;
import hearth.device.LocalDevices;
import hearth.engine.api.CallEffects;
import hearth.engine.api.CallResult;
import hearth.engine.api.DeviceCommand;
import hearth.engine.api.HandlerOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import java.util.HashMap;
import java.util.Map;

/**
 * The one place where what a SmartApp call leaves behind ({@link CallEffects}) is carried out,
 * after the call, in one database transaction: its device commands (each change recorded as an
 * event, heard by subscribers once committed), its new {@code state}, and its intents
 * (subscriptions, schedules, mode changes, notifications, through {@link IntentApplier}). Its log
 * lines and the outbound requests it made are written to the log first. Nothing in the transaction
 * waits on the network.
 */
@Component
public class EffectsApplier {
    private static final Logger log = LoggerFactory.getLogger(EffectsApplier.class);
    private static final Logger APP_LOG = LoggerFactory.getLogger("hearth.smartapp");
    private static final Logger OUTBOUND_LOG = LoggerFactory.getLogger("hearth.smartapp.outbound");

    private final LocalDevices devices;
    private final InstallationRepository installations;
    private final IntentApplier intents;
    private final TransactionOperations transactions;

    public EffectsApplier(LocalDevices devices, InstallationRepository installations, IntentApplier intents,
                          TransactionOperations transactions) {
        this.devices = devices;
        this.installations = installations;
        this.intents = intents;
        this.transactions = transactions;
    }

    /**
     * Carries out the call's effects for {@code installation}, whose chosen devices (as the call's
     * snapshot had them) are {@code chosen}, and answers the call's outcome: a Failure when the
     * effects could not be stored (then none of them is).
     */
    public HandlerOutcome apply(Installation installation, Map<String, Device> chosen, CallResult result) {
        return apply(installation, chosen, result, null, null);
    }

    /**
     * As {@link #apply(Installation, Map, CallResult)}, with {@code finish} (when not null) run
     * first in the same transaction: the work the call was made for is marked done (a scheduled
     * job finished, an outbox event delivered) exactly when its effects are stored. When
     * {@code finish} throws (say {@link LeaseLost}), nothing is stored. With {@code stateVersion}
     * (the version of the state the call read), a new state is saved only if no other call saved
     * one since; else nothing is stored and {@link StateConflict} is thrown, for the caller to run
     * the call again.
     */
    public HandlerOutcome apply(Installation installation, Map<String, Device> chosen, CallResult result,
                                Runnable finish, Long stateVersion) {
        CallEffects effects = result.effects();
        effects.log().forEach(line -> line.writeTo(APP_LOG, installation.id()));
        effects.outbound().forEach(request -> request.writeTo(OUTBOUND_LOG));
        if (finish == null && effects.commands().isEmpty() && effects.state() == null
                && effects.intents().isEmpty()) {
            return result.outcome();
        }
        try {
            transactions.executeWithoutResult(tx -> {
                if (finish != null) {
                    finish.run();
                }
                store(installation, chosen, effects, stateVersion);
            });
        } catch (StateConflict e) {
            throw e;
        } catch (LeaseLost e) {
            log.warn("installation {}: {}", installation.id(), e.getMessage());
            return new HandlerOutcome.Failure("lease_lost", e.getMessage(), e);
        } catch (RuntimeException e) {
            if (result.outcome() instanceof HandlerOutcome.Failure) {
                log.warn("installation {}: the effects of a failed call could not be stored: {}", installation.id(),
                        e.toString());
                return result.outcome();
            }
            return new HandlerOutcome.Failure(e.getClass().getSimpleName(), e.getMessage(), e);
        }
        return result.outcome();
    }

    private void store(Installation installation, Map<String, Device> chosen, CallEffects effects,
                       Long stateVersion) {
        Map<String, Device> current = new HashMap<>(chosen);
        for (DeviceCommand command : effects.commands()) {
            Device device = current.get(command.deviceId());
            if (device == null) {
                // the engine only hands out the chosen devices; anything else is dropped, never run
                log.warn("installation {} sent a command to a device it was not given", installation.id());
                continue;
            }
            current.put(device.id(), devices.run(device, command.command(), command.arguments()));
        }
        if (effects.state() != null) {
            if (stateVersion == null) {
                installations.saveState(installation.id(), effects.state());
            } else {
                installations.saveState(installation.id(), effects.state(), stateVersion);
            }
        }
        effects.intents().forEach(intent -> intents.apply(installation, intent));
    }
}
