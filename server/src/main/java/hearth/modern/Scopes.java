package hearth.modern;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a token may do in the modern API, in SmartThings' scope spelling: {@code r:locations:*}
 * (read the Locations it reaches), {@code r:devices:*} / {@code x:devices:*} (read / command every
 * device there), and {@code r:devices:ID} / {@code x:devices:ID} for one device. Reading does not
 * imply commanding, nor the other way round.
 */
public record Scopes(Set<String> granted) {
    public static final String READ_LOCATIONS = "r:locations:*";
    public static final String READ_DEVICES = "r:devices:*";
    public static final String EXECUTE_DEVICES = "x:devices:*";
    private static final Pattern ONE_DEVICE = Pattern.compile("[rx]:devices:[0-9A-Za-z-]{1,64}");

    public Scopes {
        granted = Set.copyOf(granted);
    }

    public static Scopes of(Collection<String> scopes) {
        return new Scopes(new LinkedHashSet<>(scopes));
    }

    /** The scopes of a space-separated {@code scope} parameter (RFC 6749 §3.3); unknown words are kept and mean nothing. */
    public static Scopes parse(String scope) {
        if (scope == null || scope.isBlank()) {
            return new Scopes(Set.of());
        }
        return of(Arrays.asList(scope.trim().split("\\s+")));
    }

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
