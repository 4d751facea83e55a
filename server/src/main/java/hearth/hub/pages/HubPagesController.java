package hearth.hub.pages;

import hearth.account.CurrentAccount;
import hearth.device.Device;
import hearth.device.global.DeviceService;
import hearth.hub.HubInfo;
import hearth.hub.HubRequest;
import hearth.hub.global.HubService;
import hearth.location.Location;
import hearth.location.global.LocationService;
import hearth.page.Page;
import hearth.web.ApiException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/**
 * A Location's hubs as a page: each with its status and devices, a form to add one, and removal.
 * IO only: {@link HubService} holds the rules (the owner alone; a refused broker is a 400 shown
 * on the page with what to fix).
 */
@Controller
@Page
public class HubPagesController {
    private final HubService hubs;
    private final DeviceService devices;
    private final LocationService locations;
    private final CurrentAccount current;

    public HubPagesController(HubService hubs, DeviceService devices, LocationService locations,
                              CurrentAccount current) {
        this.hubs = hubs;
        this.devices = devices;
        this.locations = locations;
        this.current = current;
    }

    /** A hub with the devices it brought. */
    public record HubView(HubInfo hub, List<Device> devices) {
    }

    @GetMapping("/locations/{id}/hubs")
    public ModelAndView page(@PathVariable String id) {
        return page(id, null, null);
    }

    @PostMapping("/locations/{id}/hubs")
    public ModelAndView add(@PathVariable String id, @RequestParam(defaultValue = "") String name,
                            @RequestParam(defaultValue = "") String url,
                            @RequestParam(defaultValue = "") String username,
                            @RequestParam(defaultValue = "") String password,
                            @RequestParam(defaultValue = "") String zigbee2mqttBaseTopic,
                            @RequestParam(defaultValue = "") String discoveryPrefix,
                            @RequestParam(defaultValue = "false") boolean tasmotaDiscovery,
                            @RequestParam(defaultValue = "5") String mqttVersion,
                            RedirectAttributes redirect) {
        HubRequest request = new HubRequest(name.isBlank() ? null : name, url, username.isBlank() ? null : username,
                password.isEmpty() ? null : password, zigbee2mqttBaseTopic.isBlank() ? null : zigbee2mqttBaseTopic,
                discoveryPrefix.isBlank() ? null : discoveryPrefix, tasmotaDiscovery, mqttVersion);
        try {
            HubInfo hub = hubs.create(current.id(), id, request);
            redirect.addFlashAttribute("notice", hub.name() + " is connecting; its devices appear as it finds them.");
            return new ModelAndView("redirect:/locations/" + id + "/hubs");
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            ModelAndView page = page(id, e.getMessage(), request);
            page.setStatus(e.status());
            return page;
        }
    }

    @PostMapping("/hubs/{id}/delete")
    public String delete(@PathVariable String id, RedirectAttributes redirect) {
        HubInfo hub = hubs.owned(current.id(), id);
        hubs.delete(current.id(), id);
        redirect.addFlashAttribute("notice", hub.name() + " is removed, with its devices.");
        return "redirect:/locations/" + hub.locationId() + "/hubs";
    }

    @PostMapping("/hub-devices/{id}/hidden")
    public String hide(@PathVariable String id, @RequestParam(defaultValue = "true") boolean hidden,
                       RedirectAttributes redirect) {
        Device device = devices.setHidden(current.id(), id, hidden);
        redirect.addFlashAttribute("notice", device.label() + (hidden ? " is hidden." : " is shown again."));
        return "redirect:/locations/" + device.locationId() + "/hubs";
    }

    @PostMapping("/hub-devices/{id}/delete")
    public String removeDevice(@PathVariable String id, RedirectAttributes redirect) {
        Device device = devices.delete(current.id(), id);
        redirect.addFlashAttribute("notice", device.label() + " is removed; its hub brings it back only when it is "
                + "paired again.");
        return "redirect:/locations/" + device.locationId() + "/hubs";
    }

    private ModelAndView page(String locationId, String error, HubRequest form) {
        Location location = locations.owned(current.id(), locationId);
        List<Device> all = devices.inLocation(current.id(), locationId);
        List<HubView> views = hubs.inLocation(current.id(), locationId).stream()
                .map(h -> new HubView(h, all.stream().filter(d -> h.id().equals(d.hubId())).toList())).toList();
        ModelAndView page = new ModelAndView("hubs/index");
        page.addObject("location", location);
        page.addObject("hubs", views);
        page.addObject("form", form == null ? new HubRequest("", "", "", null, "zigbee2mqtt", "homeassistant", true,
                "5")
                : form);
        if (error != null) {
            page.addObject("error", error);
        }
        return page;
    }
}
