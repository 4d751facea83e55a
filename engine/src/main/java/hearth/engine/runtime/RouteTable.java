package hearth.engine.runtime;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code path(...)} declarations one evaluation of {@code mappings} produced, and the matching
 * of a request against them. A path with fewer {@code :param} segments wins over one with more
 * (so {@code /switches/all} beats {@code /switches/:id}); otherwise the first declared wins.
 */
final class RouteTable {
    private final List<Route> routes = new ArrayList<>();

    void add(String pattern, Map<?, ?> actions) {
        Map<String, Object> byMethod = new LinkedHashMap<>();
        if (actions != null) {
            actions.forEach((k, v) -> byMethod.put(String.valueOf(k).toUpperCase(Locale.ROOT), v));
        }
        routes.add(new Route(segments(pattern), byMethod));
    }

    boolean isEmpty() {
        return routes.isEmpty();
    }

    Match match(String method, String path) {
        List<String> requested = segments(path);
        Set<String> allowed = new LinkedHashSet<>();
        Match best = null;
        int bestParams = Integer.MAX_VALUE;
        for (Route r : routes) {
            Map<String, String> params = r.bind(requested);
            if (params == null) {
                continue;
            }
            allowed.addAll(r.actions().keySet());
            Object handler = r.actions().get(method.toUpperCase(Locale.ROOT));
            if (handler != null && params.size() < bestParams) {
                best = new Match.Found(handler, params);
                bestParams = params.size();
            }
        }
        if (best != null) {
            return best;
        }
        return allowed.isEmpty() ? new Match.NoPath() : new Match.NoMethod(allowed);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private record Route(List<String> pattern, Map<String, Object> actions) {
        /** The path parameters when the request's segments fit, else null. */
        Map<String, String> bind(List<String> requested) {
            if (requested.size() != pattern.size()) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < pattern.size(); i++) {
                String p = pattern.get(i);
                String value = decode(requested.get(i));
                if (p.startsWith(":") && p.length() > 1) {
                    params.put(p.substring(1), value);
                } else if (!p.equals(value)) {
                    return null;
                }
            }
            return params;
        }

        private static String decode(String segment) {
            try {
                return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return segment;
            }
        }
    }

    sealed interface Match {
        record Found(Object handler, Map<String, String> pathParams) implements Match {
        }

        record NoPath() implements Match {
        }

        record NoMethod(Set<String> allowed) implements Match {
        }
    }
}
