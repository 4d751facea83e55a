package hearth.device;

import hearth.engine.api.UnsupportedCommandException;

import java.util.List;

/**
 * Where the commands of a device that is not virtual go: its hub (implemented in
 * {@code hearth.hub}). The device's attributes change when the device reports, not here.
 */
public interface DeviceDriver {

    /**
     * Sends the command, already checked against the device's capabilities, in the protocol's form.
     *
     * @throws UnsupportedCommandException when the hub can't send it now (offline), saying why
     */
    void send(Device device, String command, List<Object> arguments);
}
