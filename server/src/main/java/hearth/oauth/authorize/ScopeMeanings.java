package hearth.oauth.authorize;

import hearth.device.Device;
import hearth.device.global.DeviceService;
import hearth.location.Location;
import hearth.oauth.Scopes;
import hearth.oauth.TokenService;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What each scope an API-only client asks for means, in words, for the consent page; nothing for
 * a classic SmartApp.
 */
@Component
class ScopeMeanings {
    private final DeviceService devices;

    ScopeMeanings(DeviceService devices) {
        this.devices = devices;
    }

    /** One scope with what it lets the app do in the chosen Location. */
    record Meaning(String scope, String meaning) {
    }

    List<Meaning> of(String scope, String accountId, Location location) {
        if (scope == null || TokenService.SCOPE.equals(scope)) {
            return List.of();
        }
        Map<String, Device> here = devices.inLocation(accountId, location.id()).stream()
                .collect(Collectors.toMap(Device::id, Function.identity()));
        return Scopes.parse(scope).granted().stream().map(s -> {
            String id = s.substring(s.lastIndexOf(':') + 1);
            String device = here.containsKey(id) ? "'" + here.get(id).label() + "'"
                    : "with id " + id + ", which is not in this Location, so it reaches nothing";
            return new Meaning(s, Scopes.meaning(s, device));
        }).toList();
    }
}
