package hearth.engine.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A command the app sent to one of its chosen devices ({@code it.on()}, {@code it.setLevel(50)}),
 * already checked against the device's capabilities. Its arguments are plain Java values (String,
 * Number, Boolean, List, Map; null allowed).
 */
public record DeviceCommand(String deviceId, String command, List<Object> arguments) {
    public DeviceCommand {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(command, "command");
        arguments = Collections.unmodifiableList(new ArrayList<>(arguments));
    }
}
