package hearth.home;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The virtual devices the home page offers to add, as a person names them, with their capabilities. */
enum DeviceKind {
    LIGHT("Dimmable light", "switch", "switchLevel"),
    SWITCH("Switch or plug", "switch"),
    CONTACT("Door or window sensor", "contactSensor", "battery"),
    MOTION("Motion sensor", "motionSensor", "temperatureMeasurement", "battery"),
    LOCK("Door lock", "lock", "battery"),
    THERMOMETER("Thermometer", "temperatureMeasurement", "relativeHumidityMeasurement", "battery"),
    LEAK("Leak sensor", "waterSensor", "battery"),
    PRESENCE("Presence sensor", "presenceSensor");

    private final String title;
    private final List<String> capabilities;

    DeviceKind(String title, String... capabilities) {
        this.title = title;
        this.capabilities = List.of(capabilities);
    }

    public String id() {
        return name().toLowerCase();
    }

    public String title() {
        return title;
    }

    public List<String> capabilities() {
        return capabilities;
    }

    static Optional<DeviceKind> of(String id) {
        return Arrays.stream(values()).filter(k -> k.id().equals(id)).findFirst();
    }
}
