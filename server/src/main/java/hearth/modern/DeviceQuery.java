package hearth.modern;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /devices}'s filters and page, as SmartThings spells them: {@code locationId},
 * {@code capability} and {@code deviceId} (each may repeat), {@code capabilitiesMode} ({@code and},
 * the default, or {@code or}), {@code page} (from 0) and {@code max} (1 to {@value #MAX}). The page
 * is a plain number within the same filters, so a changed cursor only shows another slice of what
 * the token reaches anyway; one that is not a number in range is a 400 naming it.
 */
record DeviceQuery(List<String> locationIds, List<String> capabilities, boolean anyCapability,
                   List<String> deviceIds, int page, int max) {
    static final int MAX = 200;
    private static final int MAX_PAGE = 1_000_000;

    DeviceQuery {
        locationIds = List.copyOf(locationIds);
        capabilities = List.copyOf(capabilities);
        deviceIds = List.copyOf(deviceIds);
    }

    /** @throws ModernException 400 naming the parameter that is wrong */
    static DeviceQuery parse(Map<String, String[]> parameters) {
        String mode = single(parameters, "capabilitiesMode", "and");
        if (!mode.equals("and") && !mode.equals("or")) {
            throw new ModernException(ModernError.badRequest("capabilitiesMode", "capabilitiesMode must be 'and' or "
                    + "'or', got '" + mode + "'"));
        }
        return new DeviceQuery(all(parameters, "locationId"), all(parameters, "capability"), mode.equals("or"),
                all(parameters, "deviceId"), number(parameters, "page", 0, 0, MAX_PAGE),
                number(parameters, "max", MAX, 1, MAX));
    }

    /** The query of the next page: the same filters, the page after this one. */
    String nextQuery() {
        List<String> pairs = new ArrayList<>();
        locationIds.forEach(id -> pairs.add(pair("locationId", id)));
        capabilities.forEach(c -> pairs.add(pair("capability", c)));
        if (anyCapability) {
            pairs.add(pair("capabilitiesMode", "or"));
        }
        deviceIds.forEach(id -> pairs.add(pair("deviceId", id)));
        pairs.add(pair("max", Integer.toString(max)));
        pairs.add(pair("page", Integer.toString(page + 1)));
        return String.join("&", pairs);
    }

    private static String pair(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> all(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null ? List.of() : List.of(values).stream().filter(v -> !v.isBlank()).toList();
    }

    private static String single(Map<String, String[]> parameters, String name, String otherwise) {
        String[] values = parameters.get(name);
        if (values == null || values.length == 0) {
            return otherwise;
        }
        if (values.length > 1) {
            throw new ModernException(ModernError.badRequest(name, name + " appears " + values.length
                    + " times; send it once"));
        }
        return values[0];
    }

    private static int number(Map<String, String[]> parameters, String name, int otherwise, int min, int max) {
        String text = single(parameters, name, null);
        if (text == null) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ModernException(ModernError.badRequest(name, name + " must be a whole number from " + min + " to "
                + max + ", got '" + text + "'"));
    }
}
