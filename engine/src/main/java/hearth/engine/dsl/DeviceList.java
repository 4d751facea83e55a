package hearth.engine.dsl;

import hearth.engine.sandbox.SmartAppApi;
import java.util.ArrayList;
import java.util.Collection;

/**
 * The devices of a {@code multiple: true} input. Classic apps write {@code switches.on()} to send a
 * command to every device; Groovy does not spread method calls over lists by itself, so a call the
 * list doesn't know is forwarded to each element.
 */
@SmartAppApi
public final class DeviceList extends ArrayList<DeviceView> {

    public DeviceList(Collection<DeviceView> devices) {
        super(devices);
    }

    @SmartAppApi
    public Object methodMissing(String command, Object args) {
        for (DeviceView d : this) {
            d.methodMissing(command, args);
        }
        return null;
    }
}
