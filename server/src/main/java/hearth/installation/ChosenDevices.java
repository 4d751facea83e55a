package hearth.installation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import hearth.device.Device;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per node, what recent calls read of Installations' devices: the choices per input and the chosen
 * devices with their attributes, each copy with the version of its Location's devices it was read at
 * ({@link hearth.device.DevicesVersion}). A call uses a copy only when the version it read with its
 * first statement is the copy's, so no node ever answers from devices older than the database's at that
 * statement (issue 15: an installation API call is then one statement). Everything kept is immutable
 * (records of copied maps and lists, attribute values that are strings, numbers or booleans), so app code
 * handed a copy cannot change it. Bounded by the devices it holds; the least recently used go first.
 */
final class ChosenDevices {
    /** About 10 MiB of devices and their attributes at ten devices of six attributes per Installation. */
    static final long MAX_DEVICES = 20_000;

    record Copy(long version, Map<String, List<String>> choices, Map<String, Device> devices) {
        Copy {
            Map<String, List<String>> lists = new HashMap<>();
            choices.forEach((input, ids) -> lists.put(input, List.copyOf(ids)));
            choices = Map.copyOf(lists);
            devices = Map.copyOf(devices);
        }
    }

    private final Cache<String, Copy> copies;

    ChosenDevices(long maxDevices) {
        copies = Caffeine.newBuilder().maximumWeight(maxDevices).weigher((String id, Copy c) -> 1 + c.devices().size())
                .build();
    }

    /** The copy read at {@code version}, or null. */
    Copy at(String installationId, long version) {
        Copy copy = copies.getIfPresent(installationId);
        return copy != null && copy.version() == version ? copy : null;
    }

    /** Keeps {@code copy} unless a newer one is kept already (two calls may read at once). */
    void keep(String installationId, Copy copy) {
        copies.asMap().merge(installationId, copy, (kept, read) -> read.version() >= kept.version() ? read : kept);
    }

    void forget(String installationId) {
        copies.invalidate(installationId);
    }
}
