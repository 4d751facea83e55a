package hearth.device.global;

import hearth.account.CurrentAccount;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
public class DeviceController {
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

    @GetMapping("/api/devices/{id}/events")
    public List<?> events(@PathVariable String id, @RequestParam(defaultValue = "20") int max) {
        return devices.events(current.id(), id, Math.max(1, Math.min(max, 200)));
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

    public record CreateDevice(String label, List<String> capabilities, Map<String, Object> attributes) {
    }

    public record CommandRequest(String command, List<Object> arguments) {
    }
}
