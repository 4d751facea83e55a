package hearth.device.global;

import hearth.account.CurrentAccount;
import hearth.engine.api.EventQuery;
import hearth.web.ApiException;
import org.springframework.http.HttpStatus;
import hearth.web.ApiException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

@RestController
public class DeviceController {
    private static final int DEFAULT_EVENTS = 20;
    private final DeviceService devices;
    private final CurrentAccount current;

    public DeviceController(DeviceService devices, CurrentAccount current) {
        this.devices = devices;
        this.current = current;
    }

    @PostMapping("/api/locations/{locationId}/devices")
    @ResponseStatus(HttpStatus.CREATED)
    public DeviceView create(@PathVariable String locationId, @RequestBody CreateDevice request) {
        return DeviceView.of(devices.create(current.id(), locationId, request.label(), request.capabilities(),
                request.attributes()));
    }

    @GetMapping("/api/locations/{locationId}/devices")
    public List<DeviceView> list(@PathVariable String locationId) {
        return devices.inLocation(current.id(), locationId).stream().map(DeviceView::of).toList();
    }

    @GetMapping("/api/devices/{id}")
    public DeviceView get(@PathVariable String id) {
        return DeviceView.of(devices.owned(current.id(), id));
    }

    /**
     * The device's history, newest first: {@code since} (an ISO-8601 instant) and {@code limit} (1 to
     * 1000, default 20; {@code max} is its older name). Only the device's owner; others get 404.
     */
    @GetMapping("/api/devices/{id}/events")
    public List<?> events(@PathVariable String id, @RequestParam(required = false) String since,
                          @RequestParam(required = false) String limit, @RequestParam(required = false) String max) {
        return devices.events(current.id(), id, since(since), limit(limit != null ? limit : max));
    }

    private static Instant since(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("since must be an ISO-8601 instant such as 2026-01-02T03:04:05Z, got '"
                    + abbreviated(since) + "'");
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_EVENTS;
        }
        try {
            int n = Integer.parseInt(limit.trim());
            if (n >= 1 && n <= EventQuery.LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + EventQuery.LIMIT + ", got '"
                + abbreviated(limit) + "'");
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    @PostMapping("/api/devices/{id}/commands")
    public DeviceView command(@PathVariable String id, @RequestBody CommandRequest request) {
        return DeviceView.of(devices.commandAsOwner(current.id(), id, request.command(), request.arguments()));
    }

    /** Puts the device in a room of its Location, by name; null or blank: in none. */
    @PutMapping("/api/devices/{id}/room")
    public DeviceView place(@PathVariable String id, @RequestBody RoomRequest request) {
        return DeviceView.of(devices.place(current.id(), id, request.room()));
    }

    public record RoomRequest(String room) {
    }

    /** A person renames or hides the device; an absent field stays as it is. */
    @PatchMapping("/api/devices/{id}")
    public DeviceView update(@PathVariable String id, @RequestBody(required = false) UpdateDevice request) {
        if (request == null || (request.label() == null && request.hidden() == null)) {
            throw ApiException.badRequest("send the fields to change as JSON: {\"label\": ..., \"hidden\": true}");
        }
        if (request.label() != null) {
            devices.rename(current.id(), id, request.label());
        }
        if (request.hidden() != null) {
            devices.setHidden(current.id(), id, request.hidden());
        }
        return DeviceView.of(devices.owned(current.id(), id));
    }

    /** The device leaves every Installation and goes; a hub's device is not brought back by its hub. */
    @DeleteMapping("/api/devices/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String id) {
        devices.delete(current.id(), id);
    }

    public record UpdateDevice(String label, Boolean hidden) {
    }

    public record CreateDevice(String label, List<String> capabilities, Map<String, Object> attributes) {
    }

    public record CommandRequest(String command, List<Object> arguments) {
    }
}
