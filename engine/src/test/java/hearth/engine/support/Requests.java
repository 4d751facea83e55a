package hearth.engine.support;

import hearth.engine.api.ApiRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Short ways to build requests and read test resources. */
public final class Requests {
    private Requests() {
    }

    public static ApiRequest get(String path) {
        return new ApiRequest("GET", path, Map.of(), Map.of(), "");
    }

    public static ApiRequest get(String path, Map<String, String> query) {
        return new ApiRequest("GET", path, query, Map.of(), "");
    }

    public static ApiRequest put(String path) {
        return new ApiRequest("PUT", path, Map.of(), Map.of(), "");
    }

    public static ApiRequest put(String path, String json) {
        return new ApiRequest("PUT", path, Map.of(), Map.of("content-type", "application/json"), json);
    }

    public static ApiRequest post(String path, String json) {
        return new ApiRequest("POST", path, Map.of(), Map.of("content-type", "application/json"), json);
    }

    public static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", path, Map.of(), Map.of(), "");
    }

    public static String resource(String path) {
        try (InputStream in = Requests.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
