package hearth.oauth;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a token may do in the modern SmartThings API (hearth.modern), in SmartThings' scope
 * spelling: {@code r:locations:*} (read the Locations it reaches), {@code r:devices:*} /
 * {@code x:devices:*} (read / command every device there), and {@code r:devices:ID} /
 * {@code x:devices:ID} for one device. Reading does not imply commanding, nor the other way round.
 */
public record Scopes(Set<String> granted) {
    public static final String READ_LOCATIONS = "r:locations:*";
    public static final String READ_DEVICES = "r:devices:*";
    public static final String EXECUTE_DEVICES = "x:devices:*";
    private static final Pattern ONE_DEVICE = Pattern.compile("[rx]:devices:[0-9A-Za-z-]{1,64}");

    public Scopes {
        granted = Collections.unmodifiableSet(new LinkedHashSet<>(granted));
    }

    public static Scopes of(Collection<String> scopes) {
        return new Scopes(new LinkedHashSet<>(scopes));
    }

    /** The scopes of a space-separated {@code scope} parameter (RFC 6749 §3.3); unknown words mean nothing. */
    public static Scopes parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return new Scopes(Set.of());
        }
        return of(Arrays.asList(scope.trim().split("\\s+")));
    }

    /** The scopes as one space-separated {@code scope} value, in the order given. */
    public String joined() {
        return String.join(" ", granted);
    }

    /** Every scope the modern API knows, for messages that say what to send. */
    public static final String KNOWN = READ_LOCATIONS + ", " + READ_DEVICES + ", " + EXECUTE_DEVICES
            + ", r:devices:ID, x:devices:ID";

    /** Whether {@code scope} is one the modern API knows. */
    public static boolean known(String scope) {
        return List.of(READ_LOCATIONS, READ_DEVICES, EXECUTE_DEVICES).contains(scope)
                || ONE_DEVICE.matcher(scope).matches();
    }

    public static String readDevice(String deviceId) {
        return "r:devices:" + deviceId;
    }

    public static String executeDevice(String deviceId) {
        return "x:devices:" + deviceId;
    }

    /** What the scope lets a token do, in words for the person granting it; {@code device} names a device's scope. */
    public static String meaning(String scope, String device) {
        return switch (scope) {
            case READ_LOCATIONS -> "see your Locations: their names and time zones";
            case READ_DEVICES -> "see every device in them and its state (on or off, level, locked, readings)";
            case EXECUTE_DEVICES -> "control every device in them: switch, dim, lock and unlock, open and close";
            default -> scope.startsWith("r:devices:") ? "see the device " + device + " and its state"
                    : scope.startsWith("x:devices:") ? "control the device " + device : "nothing (unknown scope)";
        };
    }

    public boolean readsLocations() {
        return granted.contains(READ_LOCATIONS);
    }

    public boolean readsAnyDevice() {
        return granted.stream().anyMatch(s -> s.startsWith("r:devices:"));
    }

    public boolean reads(String deviceId) {
        return granted.contains(READ_DEVICES) || granted.contains(readDevice(deviceId));
    }

    public boolean executes(String deviceId) {
        return granted.contains(EXECUTE_DEVICES) || granted.contains(executeDevice(deviceId));
    }
}
