package hearth.home;

import hearth.account.CurrentAccount;
import hearth.device.Device;
import hearth.device.global.DeviceService;
import hearth.installation.global.InstallationService;
import hearth.location.Location;
import hearth.location.Routine;
import hearth.location.global.LocationService;
import hearth.web.ApiException;
import hearth.web.ServerUnavailableException;
import org.springframework.http.MediaType;
import hearth.page.Page;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code /}: the home of the signed-in account (its Locations, devices and their live state,
 * modes, connected apps), the forms that change them, a device's page, and the live stream.
 * Every form is plain HTML and answers with a redirect back to where it was sent from; a refusal
 * comes back as a message on that page, saying what to fix.
 */
@Controller
@Page
public class HomeController {
    private final HomeViews views;
    private final LocationService locations;
    private final DeviceService devices;
    private final InstallationService installations;
    private final LiveUpdates live;
    private final CurrentAccount current;

    HomeController(HomeViews views, LocationService locations, DeviceService devices,
                   InstallationService installations, LiveUpdates live, CurrentAccount current) {
        this.views = views;
        this.locations = locations;
        this.devices = devices;
        this.installations = installations;
        this.live = live;
        this.current = current;
    }

    @GetMapping("/")
    public ModelAndView home() {
        if (current.find().isEmpty()) {
            return new ModelAndView("home/landing");
        }
        ModelAndView page = new ModelAndView("home/index");
        page.addObject("locations", views.home(current.id()));
        page.addObject("kinds", DeviceKind.values());
        return page;
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter live() {
        return live.open(current.id());
    }

    @PostMapping("/locations")
    public String createLocation(@RequestParam(defaultValue = "") String name,
                                 @RequestParam(defaultValue = "") String timeZone, RedirectAttributes redirect) {
        return act(redirect, "/", () -> {
            Location location = locations.create(current.id(), name, null, timeZone);
            return new Done("/#location-" + location.id(), location.name() + " is ready. Add its devices below.");
        });
    }

    @PostMapping("/locations/{id}/name")
    public String renameLocation(@PathVariable String id, @RequestParam(defaultValue = "") String name,
                                 RedirectAttributes redirect) {
        return act(redirect, "/#location-" + id, () -> {
            Location renamed = locations.rename(current.id(), id, name);
            return new Done("/#location-" + id, "The Location is now called " + renamed.name() + ".");
        });
    }

    @PostMapping("/locations/{id}/mode")
    public String setMode(@PathVariable String id, @RequestParam(defaultValue = "") String mode,
                          RedirectAttributes redirect) {
        return act(redirect, "/#location-" + id, () -> {
            Location changed = locations.setMode(current.id(), id, mode);
            return new Done("/#location-" + id, changed.name() + " is now in " + changed.mode() + " mode.");
        });
    }

    /** Runs one of the Location's routines: its mode is set and the Location's apps hear routineExecuted. */
    @PostMapping("/locations/{id}/routines")
    public String runRoutine(@PathVariable String id, @RequestParam(defaultValue = "") String routine,
                             RedirectAttributes redirect) {
        return act(redirect, "/#location-" + id, () -> {
            Routine ran = locations.runRoutine(current.id(), id, routine);
            return new Done("/#location-" + id, ran.label() + " ran" + (ran.mode() == null ? "."
                    : "; the mode is " + ran.mode() + "."));
        });
    }

    @PostMapping("/locations/{id}/delete")
    public String deleteLocation(@PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, "/#location-" + id, () -> {
            String name = locations.owned(current.id(), id).name();
            int removed = installations.removeLocation(current.id(), id);
            return new Done("/", name + " is deleted, with its devices" + (removed == 0 ? "."
                    : " and " + removed + " connected app(s), whose tokens no longer work."));
        });
    }

    @PostMapping("/locations/{id}/devices")
    public String addDevice(@PathVariable String id, @RequestParam(defaultValue = "") String label,
                            @RequestParam(defaultValue = "") String kind, RedirectAttributes redirect) {
        return act(redirect, "/#location-" + id, () -> {
            DeviceKind chosen = DeviceKind.of(kind).orElseThrow(() -> ApiException.badRequest(
                    "choose what kind of device it is: one of " + Arrays.stream(DeviceKind.values())
                            .map(DeviceKind::title).toList()));
            Device device = devices.create(current.id(), id, label, chosen.capabilities(), null);
            return new Done("/#device-" + device.id(), device.label() + " is added.");
        });
    }

    @GetMapping("/devices/{id}")
    public ModelAndView device(@PathVariable String id) {
        return new ModelAndView("home/device", "device", views.device(current.id(), id));
    }

    /** A command by hand: {@code on}, {@code off}, {@code setLevel} with its argument, {@code lock}, ... */
    @PostMapping("/devices/{id}/commands")
    public String command(@PathVariable String id, @RequestParam(defaultValue = "") String command,
                          @RequestParam(required = false) List<String> argument,
                          @RequestParam(defaultValue = "home") String back, RedirectAttributes redirect) {
        String target = back(back, id);
        return act(redirect, target, () -> {
            List<Object> arguments = new ArrayList<>(argument == null ? List.of() : argument);
            devices.commandAsOwner(current.id(), id, command, arguments);
            return new Done(target, null);
        });
    }

    /** A sensor's reading by hand (a virtual door opens): its subscribers hear it like a real one. */
    @PostMapping("/devices/{id}/attributes")
    public String setAttribute(@PathVariable String id, @RequestParam(defaultValue = "") String name,
                               @RequestParam(defaultValue = "") String value, RedirectAttributes redirect) {
        String target = "/devices/" + id;
        return act(redirect, target, () -> {
            Device device = devices.setAttribute(current.id(), id, name, value);
            return new Done(target, HomeViews.label(name) + " of " + device.label() + " is now " + value + ".");
        });
    }

    @PostMapping("/devices/{id}/name")
    public String renameDevice(@PathVariable String id, @RequestParam(defaultValue = "") String label,
                               RedirectAttributes redirect) {
        String target = "/devices/" + id;
        return act(redirect, target, () -> {
            Device device = devices.rename(current.id(), id, label);
            return new Done(target, "The device is now called " + device.label() + ".");
        });
    }

    @PostMapping("/devices/{id}/delete")
    public String deleteDevice(@PathVariable String id, RedirectAttributes redirect) {
        return act(redirect, "/devices/" + id, () -> {
            Device device = devices.delete(current.id(), id);
            return new Done("/#location-" + device.locationId(), device.label() + " is deleted; apps that used it "
                    + "no longer reach it.");
        });
    }

    private record Done(String target, String notice) {
    }

    /** Runs a change; a refusal goes back to {@code onRefusal} with its reason, said the way the API says it. */
    private static String act(RedirectAttributes redirect, String onRefusal, Supplier<Done> change) {
        try {
            Done done = change.get();
            if (done.notice() != null) {
                redirect.addFlashAttribute("notice", done.notice());
            }
            return "redirect:" + done.target();
        } catch (ApiException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (ServerUnavailableException e) {
            redirect.addFlashAttribute("error", "The server '" + e.server() + "' that hosts this Location is not "
                    + "answering; try again in a few minutes.");
        }
        return "redirect:" + onRefusal;
    }

    /** Where a command's form goes back to: the home page or the device's own page, nowhere else. */
    private static String back(String back, String deviceId) {
        return "device".equals(back) ? "/devices/" + deviceId : "/#device-" + deviceId;
    }
}
